"""Everything outside tui/ runs without Textual: the CLI stays fast and the core stays reusable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bitereader


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import bitereader, bitereader.cli, bitereader.library, bitereader.loaders.textpage\n"
        "import bitereader.loaders.feeds, bitereader.loaders.htmlpage, bitereader.store\n"
        "import bitereader.output, bitereader.demo\n"
        "bitereader.cli.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_app_and_command_line_go_through_the_library() -> None:
    """The TUI and CLI never parse or speak SQL: only library.py talks to the store."""
    package = Path(bitereader.__file__).parent
    front_ends = [package / "cli.py", package / "output.py", *(package / "tui").rglob("*.py")]
    forbidden = ("bitereader.store", "bitereader.loaders", "sqlite3", "feedparser", "trafilatura")
    for path in front_ends:
        bad = {name for name in _imports(path) if name.startswith(forbidden)}
        assert not bad, f"{path.relative_to(package)} imports {sorted(bad)}"


def test_the_command_s_entry_point_imports_nothing_until_it_runs() -> None:
    """A refresh's worker processes import the program's main module: through the `bitereader`
    script, that is the entry point's module, which must not bring the command line with it."""
    from importlib.metadata import entry_points

    [command] = entry_points(group="console_scripts", name="bitereader")
    module = command.value.split(":")[0]
    code = (
        f"import sys, {module}\n"
        "heavy = {'bitereader.cli', 'bitereader.library', 'bitereader.refresh', 'rich',"
        " 'asyncio'}\n"
        "loaded = sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fetch_options_come_without_the_http_client() -> None:
    """A refresh starts its worker processes (a few tenths of a second) before it imports httpx
    (a twentieth): the command line, the library and the refresh build options without it."""
    code = (
        "import sys\n"
        "import bitereader.cli, bitereader.library, bitereader.refresh\n"
        "from bitereader.fetch import FetchOptions\n"
        "FetchOptions(timeout=5.0)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'httpx', 'httpcore'})\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
