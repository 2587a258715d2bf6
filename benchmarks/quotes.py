"""Score quote extraction against every annotated sample and print a table.

Usage: python benchmarks/quotes.py [--samples DIR] [--verbose]

The shared samples live beside the repository (`../shared/samples`); this project's own
annotated articles are in `tests/data/quotes/`. A quote matches when its text is equal after
normalising case, spacing, quote marks and trailing punctuation; speaker accuracy is the share
of matched quotes whose speaker names the same person or body.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_eval import OWN_SAMPLES, SHARED_SAMPLES, Score, sample_files, score_all


def _row(s: Score) -> str:
    return (
        f"{s.name[:44]:<44} {s.expected:>4} {s.found:>5} {s.matched:>5} "
        f"{s.precision:>6.3f} {s.recall:>6.3f} {s.speaker_accuracy:>7.3f} {s.kind_accuracy:>6.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print per-file and total precision, recall, speaker and kind accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SHARED_SAMPLES, help="shared samples dir")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    files = sample_files(args.samples, OWN_SAMPLES)
    if not files:
        print(f"no annotated samples found in {args.samples} or {OWN_SAMPLES}", file=sys.stderr)
        return 1
    scores, total = score_all(files)
    print(
        f"{'file':<44} {'gold':>4} {'found':>5} {'match':>5} {'prec':>6} {'recall':>6} "
        f"{'speaker':>7} {'kind':>6}"
    )
    for s in scores:
        print(_row(s))
        if args.verbose:
            for text in s.missed:
                print(f"    missed   {text[:90]!r}")
            for text in s.spurious:
                print(f"    spurious {text[:90]!r}")
            for text, got, want in s.wrong_speaker:
                print(f"    speaker  {text!r}: got {got!r}, want {want!r}")
            for text in s.false_not_quotes:
                print(f"    not-quote found {text!r}")
    print("-" * 96)
    print(_row(total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
