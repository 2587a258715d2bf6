"""Build bitereader, compiling its text extractors with Cython where a C compiler is at hand.

The compiled modules are the same Python source, run without the interpreter's per-bytecode
cost: quote extraction takes about a quarter less time. A module with an augmenting .pxd beside
it (speakers.pxd, quotes.pxd) takes C types for its hot paths from there, a few per cent more.
Everything else is in pyproject.toml.
Without Cython or a C compiler, or with BITEREADER_PURE_PYTHON=1 set, the package is built as
plain Python and behaves the same, only slower.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "src/bitereader/extract/captions.py",
    "src/bitereader/extract/html.py",
    "src/bitereader/extract/quote_lexicon.py",
    "src/bitereader/extract/quote_marks.py",
    "src/bitereader/extract/quotes.py",
    "src/bitereader/extract/speakers.py",
    "src/bitereader/extract/text.py",
    "src/bitereader/loaders/feeds.py",
    "src/bitereader/loaders/textpage.py",
    "src/bitereader/store/rows.py",
]
"""The modules where articles spend their time being read (and, for rows.py, being made into the
values the store writes, which a refresh's workers do for every item): worth compiling."""


class OptionalBuildExt(build_ext):
    """Compile in parallel, and fall back to pure Python when compiling fails."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":
            for extension in self.extensions:
                extension.extra_compile_args.append("-g0")  # no debug info: a tenth of the size
        super().build_extensions()

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no headers: the .py modules still work
            _skip(f"could not compile the extractors ({error})")


def _skip(reason: str) -> None:
    print(f"bitereader: {reason}; building pure Python", file=sys.stderr)


def _extensions() -> list[object]:
    if os.environ.get("BITEREADER_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _skip("Cython is not installed")
        return []
    extensions: list[object] = []
    for module in COMPILED:
        extensions += cythonize(module, compiler_directives=_directives(module), quiet=True)
    return extensions


def _directives(module: str) -> dict[str, object]:
    """Cython's directives for one module: a module with an augmenting .pxd beside it (static
    C types for its hot paths) takes its types from there alone, not from its annotations."""
    if os.path.exists(module.removesuffix(".py") + ".pxd"):
        # Annotations such as `lo: int` would contradict the .pxd's `Py_ssize_t lo`.
        return {"language_level": "3", "annotation_typing": False}
    return {"language_level": "3"}


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
