"""Everything outside tui/ runs without Textual: the CLI stays fast and the core stays reusable."""

from __future__ import annotations

import subprocess
import sys


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
