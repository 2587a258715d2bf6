"""Run bitereader: `python -m bitereader`, and the `bitereader` command's entry point.

The command line is imported when it runs, not with this module: a refresh's worker processes
import the program's main module (multiprocessing does), and the `bitereader` script imports
this one. Importing the command line (Rich, the library, asyncio) cost each worker about 60 ms
of CPU in every refresh that started them.
"""

import sys


def main() -> int:
    """Run the command line; returns the process exit code."""
    from bitereader.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
