"""Benchmark of `kakaoaudit summary`: summarizing N saved reports against just parsing them.

Run from the repository root: ``python benchmarks/bench_summary.py [--reports N] [--people P]``
(in-process; ``benchmarks/run.py`` times the command itself against a ``python -c`` json floor).

N copies of the demo's JSON report (P people, different dates and scores) are written to a
temporary folder. Each round times ``json.loads(path.read_bytes())`` over every file (the floor,
measured in the same run) and `kakaoaudit.formats.summary.collect` over the folder; rounds are
interleaved so that a busy machine slows both alike. Target: best ratio < 2.0. Exits 1 when missed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kakaoaudit.cli import main
from kakaoaudit.formats.summary import collect

RATIO_TARGET = 2.0


def demo_report() -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["demo", "--format", "json", "--lang", "en"])
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def write_reports(root: Path, reports: int, people: int) -> list[Path]:
    """Write `reports` copies of the demo's JSON report (for `people` people, different dates) to `root`."""
    base = demo_report()
    today = date.today()
    for index in range(reports):
        day = today - timedelta(days=index)
        data = {**base, "label": f"person-{index % people}", "generated_at": f"{day}T09:00:00Z",
                "score": 40 + index % 60}
        (root / f"r{index:05d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return sorted(root.iterdir())


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = write_reports(root, args.reports, args.people)
        plain_times, summary_times = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            for path in files:
                json.loads(path.read_bytes())
            plain_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            summary = collect([root], lang="en")
            summary_times.append(time.perf_counter() - start)
        assert len(summary.people) == args.people
    plain, summarized = min(plain_times), min(summary_times)
    ratio = summarized / plain
    print(f"{args.reports} reports, {args.people} people: json.loads {plain * 1000:.0f} ms, "
          f"summary {summarized * 1000:.0f} ms, ratio {ratio:.2f} (target < {RATIO_TARGET})")
    return 0 if ratio < RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main_())
