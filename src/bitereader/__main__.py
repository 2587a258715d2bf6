"""Run bitereader as `python -m bitereader`."""

from bitereader.cli import main

raise SystemExit(main())
