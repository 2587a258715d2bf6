"""The command line: parse arguments, call the library, print, and exit with a meaningful code.

Bare `bitereader` opens the reader app. Every failure a person can cause ends in one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console, RenderableType
from rich.text import Text

from bitereader import __version__, output
from bitereader.errors import BitereaderError
from bitereader.library import HeadlineFilter, Library, RefreshReport

if TYPE_CHECKING:
    from bitereader.fetch import FetchOptions

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

Item = TypeVar("Item")
Handler = Callable[[argparse.Namespace, Library, Console], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    try:
        if args.command is None:
            return open_app(args)
        with Library(args.library) as library:
            return args.handler(args, library, console)
    except BitereaderError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `bitereader list | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        if os.environ.get("BITEREADER_DEBUG"):
            raise
        return fail(
            f"internal error: {type(error).__name__}: {error} (set BITEREADER_DEBUG=1 for details)"
        )


def fail(message: str) -> int:
    print(f"bitereader: error: {message}", file=sys.stderr)
    return EXIT_FAILED


def open_app(args: argparse.Namespace) -> int:
    """Open the reader app on the library (or on a throwaway demo library)."""
    from bitereader.tui import run_app

    return run_app(library=args.library, demo=args.demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bitereader",
        description="A terminal news reader: feeds and saved pages, read offline.",
    )
    parser.add_argument("--version", action="version", version=f"bitereader {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="library file to use (default: $BITEREADER_LIBRARY or the user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a throwaway copy of sample articles"
    )
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = _command(commands, "add", cmd_add, "import saved pages and feed files (files or folders)")
    add.add_argument("paths", nargs="+", metavar="PATH")

    listing = _command(commands, "list", cmd_list, "list headlines, newest first")
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--pinned", action="store_true", help="only the watch list")
    listing.add_argument("--limit", type=_positive, default=50, metavar="N")
    _json_flag(listing)

    show = _command(commands, "show", cmd_show, "show one article")
    show.add_argument("id", type=int)
    _json_flag(show)

    search = _command(commands, "search", cmd_search, "full-text search, best match first")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=_positive, default=50, metavar="N")
    _json_flag(search)

    for name, handler, summary in (
        ("pin", cmd_pin, "pin an article to the watch list"),
        ("unpin", cmd_unpin, "take an article off the watch list"),
        ("remove", cmd_remove, "delete an article from the library"),
        ("mark-read", cmd_mark_read, "mark articles read"),
        ("mark-unread", cmd_mark_unread, "mark articles unread"),
    ):
        command = _command(commands, name, handler, summary)
        command.add_argument(
            "ids" if name.startswith("mark") else "id",
            type=int,
            nargs="+" if name.startswith("mark") else None,
        )

    stats = _command(commands, "stats", cmd_stats, "what the library holds")
    _json_flag(stats)

    watch = _command(
        commands, "watch", cmd_watch, "the watch list, with follow-ups that arrived since each pin"
    )
    _json_flag(watch)

    follow = _command(
        commands, "follow-ups", cmd_follow_ups, "articles that follow up a (pinned) story"
    )
    follow.add_argument("id", type=int)
    follow.add_argument("--limit", type=_positive, default=20, metavar="N")
    _json_flag(follow)
    _add_feed_commands(commands)
    return parser


def _add_feed_commands(commands: argparse._SubParsersAction) -> None:
    """subscribe, unsubscribe, feeds, refresh, import-opml, export-opml."""
    subscribe = _command(
        commands, "subscribe", cmd_subscribe, "subscribe to a feed (or the feed a page names)"
    )
    subscribe.add_argument("url")
    subscribe.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="tag the feed (repeatable)"
    )
    _fetch_flags(subscribe)

    unsubscribe = _command(
        commands, "unsubscribe", cmd_unsubscribe, "remove a subscription (its articles stay)"
    )
    unsubscribe.add_argument("feed", metavar="URL|ID")

    feeds = _command(commands, "feeds", cmd_feeds, "list subscriptions and their last refresh")
    feeds.add_argument("--tag", metavar="TAG", help="only feeds with this tag")
    _json_flag(feeds)

    refresh = _command(commands, "refresh", cmd_refresh, "fetch new items from every feed")
    refresh.add_argument("--tag", metavar="TAG", help="only feeds with this tag")
    _fetch_flags(refresh)

    import_opml = _command(commands, "import-opml", cmd_import_opml, "subscribe to an OPML list")
    import_opml.add_argument("file", metavar="FILE")

    export_opml = _command(
        commands, "export-opml", cmd_export_opml, "write subscriptions as OPML (default: stdout)"
    )
    export_opml.add_argument("file", nargs="?", metavar="FILE")


def _fetch_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout", type=_positive_float, default=30.0, metavar="SECONDS",
        help="give up on a feed after this long (default: 30)",
    )  # fmt: skip
    parser.add_argument(
        "--max-size", type=_positive_float, default=20.0, metavar="MB",
        help="refuse responses larger than this (default: 20)",
    )  # fmt: skip
    parser.add_argument(
        "--jobs", type=_positive, default=8, metavar="N", help="feeds fetched at once (default: 8)"
    )


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return number


def _command(
    commands: argparse._SubParsersAction, name: str, handler: Handler, summary: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=summary, description=summary)
    command.set_defaults(handler=handler)
    return command


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return number


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_listing(
    console: Console,
    *,
    as_json: bool,
    items: Sequence[Item],
    to_json: Callable[[Item], object],
    table: Callable[[], RenderableType],
    empty: str,
) -> int:
    """Print a listing as JSON for scripts, as a table for people, or say that it is empty."""
    if as_json:
        print_json([to_json(item) for item in items])
    elif items:
        console.print(table())
    else:
        console.print(empty, style="dim", markup=False)
    return EXIT_OK


def cmd_add(args: argparse.Namespace, library: Library, console: Console) -> int:
    report = library.add_paths(args.paths)
    for note in report.notes:
        console.print(note, style="dim", markup=False)
    for path, reason in report.failures:
        print(f"bitereader: failed: {path}: {reason}", file=sys.stderr)
    console.print(report.summary(), markup=False)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_list(args: argparse.Namespace, library: Library, console: Console) -> int:
    filter = HeadlineFilter(unread=args.unread, pinned=args.pinned)
    headlines = library.headlines(filter, limit=args.limit)
    return print_listing(
        console,
        as_json=args.json,
        items=headlines,
        to_json=output.headline_json,
        table=lambda: output.headline_table(headlines),
        empty="No articles. Add some with: bitereader add PATH",
    )


def cmd_show(args: argparse.Namespace, library: Library, console: Console) -> int:
    article = library.article(args.id)
    if args.json:
        print_json(output.article_json(article))
    else:
        console.print(output.article_view(article))
    return EXIT_OK


def cmd_search(args: argparse.Namespace, library: Library, console: Console) -> int:
    query = " ".join(args.query)
    results = library.search(query, limit=args.limit)
    return print_listing(
        console,
        as_json=args.json,
        items=results,
        to_json=output.headline_json,
        table=lambda: output.headline_table(results, snippets=True),
        empty=f"Nothing matches {query!r}.",
    )


def cmd_pin(args: argparse.Namespace, library: Library, console: Console) -> int:
    changed = library.pin(args.id)
    console.print(f"pinned {args.id}" if changed else f"{args.id} was already pinned")
    return EXIT_OK


def cmd_unpin(args: argparse.Namespace, library: Library, console: Console) -> int:
    changed = library.unpin(args.id)
    console.print(f"unpinned {args.id}" if changed else f"{args.id} was not pinned")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace, library: Library, console: Console) -> int:
    library.remove(args.id)
    console.print(f"removed {args.id}")
    return EXIT_OK


def cmd_mark_read(args: argparse.Namespace, library: Library, console: Console) -> int:
    return _mark(args, library, read=True)


def cmd_mark_unread(args: argparse.Namespace, library: Library, console: Console) -> int:
    return _mark(args, library, read=False)


def _mark(args: argparse.Namespace, library: Library, *, read: bool) -> int:
    for article_id in args.ids:
        library.article(article_id)  # unknown ids fail before anything changes
    library.set_read(args.ids, read)
    return EXIT_OK


def cmd_watch(args: argparse.Namespace, library: Library, console: Console) -> int:
    stories = library.watch_list_with_follow_ups()
    return print_listing(
        console,
        as_json=args.json,
        items=stories,
        to_json=lambda story: {**output.headline_json(story[0]), "follow_ups": story[1]},
        table=lambda: output.watch_table(stories),
        empty="The watch list is empty. Pin a story with: bitereader pin ID",
    )


def cmd_follow_ups(args: argparse.Namespace, library: Library, console: Console) -> int:
    follow_ups = library.follow_ups(args.id, limit=args.limit)
    return print_listing(
        console,
        as_json=args.json,
        items=follow_ups,
        to_json=output.headline_json,
        table=lambda: output.headline_table(follow_ups),
        empty=f"No follow-ups to {args.id} yet.",
    )


def cmd_stats(args: argparse.Namespace, library: Library, console: Console) -> int:
    stats = library.stats()
    if args.json:
        print_json({**stats, "library": str(library.path)})
    else:
        console.print(output.stats_table(stats, str(library.path)))
    return EXIT_OK


def _fetch_options(args: argparse.Namespace) -> FetchOptions:
    from bitereader.fetch import FetchOptions

    return FetchOptions(
        timeout=args.timeout, max_bytes=int(args.max_size * 1024 * 1024), concurrency=args.jobs
    )


def cmd_subscribe(args: argparse.Namespace, library: Library, console: Console) -> int:
    feed = library.subscribe(args.url, args.tag, options=_fetch_options(args))
    line = Text(f"subscribed to {feed.title or feed.url} ({feed.url}): {feed.item_count} items")
    if feed.tags:
        line.append(f" [{', '.join(feed.tags)}]")
    console.print(line)
    if feed.warning:
        console.print(Text(f"warning: {feed.warning}"), style="yellow")
    return EXIT_OK


def cmd_unsubscribe(args: argparse.Namespace, library: Library, console: Console) -> int:
    feed = library.unsubscribe(args.feed)
    console.print(Text(f"unsubscribed from {feed.title or feed.url} ({feed.url})"))
    return EXIT_OK


def cmd_feeds(args: argparse.Namespace, library: Library, console: Console) -> int:
    feeds = library.feeds(tag=args.tag)
    return print_listing(
        console,
        as_json=args.json,
        items=feeds,
        to_json=output.feed_json,
        table=lambda: output.feeds_table(feeds),
        empty="No subscriptions. Add one with: bitereader subscribe URL",
    )


def cmd_refresh(args: argparse.Namespace, library: Library, console: Console) -> int:
    options = _fetch_options(args)
    if console.is_terminal:
        report = _refresh_with_progress(library, args.tag, options, console)
    else:
        report = library.refresh(tag=args.tag, options=options)
    for result in report.results:
        if result.status == "failed":
            name = result.feed.title or result.feed.url
            print(f"bitereader: failed: {name}: {result.error}", file=sys.stderr)
    console.print(Text(report.summary()))
    return EXIT_FAILED if report.failed else EXIT_OK


def _refresh_with_progress(
    library: Library, tag: str | None, options: FetchOptions, console: Console
) -> RefreshReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    total = len(library.feeds(tag=tag))
    columns = (TextColumn("refreshing"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("refresh", total=total)
        return library.refresh(
            tag=tag, options=options, on_feed_done=lambda _: progress.advance(task)
        )


def cmd_import_opml(args: argparse.Namespace, library: Library, console: Console) -> int:
    report = library.import_opml(args.file)
    for url, reason in report.failures:
        print(f"bitereader: failed: {url}: {reason}", file=sys.stderr)
    console.print(
        f"{report.added} feeds subscribed, {report.skipped} already subscribed, "
        f"{report.failed} failed; run `bitereader refresh` to fetch them",
        markup=False,
    )
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_export_opml(args: argparse.Namespace, library: Library, console: Console) -> int:
    data = library.export_opml()
    if args.file is None:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    try:
        with open(args.file, "wb") as handle:
            handle.write(data)
    except OSError as error:
        return fail(f"{args.file}: {error.strerror or error}")
    console.print(Text(f"wrote {len(library.feeds())} feeds to {args.file}"))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
