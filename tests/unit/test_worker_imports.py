"""The fork server imports only what the refresh's workers run: its import is on the refresh's
critical path, before the workers can take a feed."""

from __future__ import annotations

import subprocess
import sys

import bitereader.store

_STORE_QUERIES = (
    "bitereader.store.articles",
    "bitereader.store.connection",
    "bitereader.store.feeds",
    "bitereader.store.library_file",
    "bitereader.store.search",
)


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_the_worker_modules_bring_no_store_queries() -> None:
    loaded = _modules_after(
        "import importlib\n"
        "from bitereader.building import WORKER_MODULES\n"
        "for name in WORKER_MODULES: importlib.import_module(name)"
    )
    assert "bitereader.store.rows" in loaded
    assert not loaded & set(_STORE_QUERIES)


def test_the_worker_modules_bring_no_pathlib() -> None:
    """The loaders package names paths only in annotations (pathlib costs ~2 ms to import)."""
    loaded = _modules_after(
        "import importlib\n"
        "from bitereader.building import WORKER_MODULES\n"
        "for name in WORKER_MODULES: importlib.import_module(name)"
    )
    assert "bitereader.loaders" in loaded
    assert "pathlib" not in loaded


def test_the_worker_modules_are_what_building_runs() -> None:
    """A worker that builds a feed imports nothing the fork server did not preload."""
    code = (
        "import importlib, sys\n"
        "from bitereader.building import WORKER_MODULES, build_feed\n"
        "for name in WORKER_MODULES: importlib.import_module(name)\n"
        "before = set(sys.modules)\n"
        "rss = (b'<rss version=\"2.0\"><channel><title>T</title><item><title>A story</title>'\n"
        "    b'<link>https://site.example/a</link><guid>a</guid><description>&lt;p&gt;'\n"
        "    b'\\u201cWe will,\\u201d said Ann Smith.&lt;/p&gt;</description></item>'\n"
        "    b'</channel></rss>')\n"
        "built = build_feed(rss, 'https://site.example/feed', 'application/rss+xml', None)\n"
        "assert len(built.rows) == 1, built\n"
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == []


def test_the_store_package_still_offers_its_names() -> None:
    for name in bitereader.store.__all__:
        assert getattr(bitereader.store, name) is not None
    assert bitereader.store.Store is bitereader.store.library_file.Store
    assert set(bitereader.store.__all__) <= set(dir(bitereader.store))


def test_an_unknown_store_name_is_an_attribute_error() -> None:
    try:
        bitereader.store.NoSuchName  # noqa: B018
    except AttributeError as error:
        assert "NoSuchName" in str(error)
    else:
        raise AssertionError("no AttributeError")


def test_the_store_package_star_import() -> None:
    namespace: dict[str, object] = {}
    exec("from bitereader.store import *", namespace)
    assert set(bitereader.store.__all__) <= set(namespace)
