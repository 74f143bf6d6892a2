"""Every kakaoaudit benchmark in one run: one table of figures, each against a floor of the same run.

Run from the repository root: ``python benchmarks/run.py [--quick] [--tiny]``.
Exits 1 when a target is missed (2 when a benchmark could not run). Not a test: the figures
depend on the machine, so they are compared with floors measured here and now, in runs
interleaved with the subject's (a busy machine slows both alike), and medians are kept.

- Start-up and demo: wall time of fresh processes (``kakaoaudit --version`` vs ``python -c
  "import click"``...), and the demo's peak memory (the child's max RSS from ``os.wait4``).
  Subprocesses get a private bytecode cache (PYTHONPYCACHEPREFIX in a temporary folder), so
  kakaoaudit is timed from compiled bytecode as after a normal install, even where
  PYTHONDONTWRITEBYTECODE is set; nothing is written into the source tree.
- The breach lookup, the offline data set and the zxcvbn corpus run in-process inside their own
  scripts (bench_breach.py, bench_zxcvbn.py), started as subprocesses that end with a JSON line.
- The summary of N saved reports: ``kakaoaudit summary DIR`` vs ``python -c`` loading every file
  with json.

``--quick`` takes fewer repetitions; ``--tiny`` also shrinks the data (for the smoke test).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
DEMO_FLOOR = "import click, zxcvbn, phonenumbers, email_validator, tabulate"
#: kakaoaudit leaves the last garbage collection out at exit (cli._no_collection_at_exit); this floor
#: does the same, so that an (info) row shows what is left of the gap without that saving.
SAME_EXIT = "; import atexit, gc; atexit.register(gc.freeze)"
KAKAOAUDIT = [PYTHON, "-c", "import sys; from kakaoaudit.cli import main; sys.exit(main())"]


@dataclass
class Row:
    what: str
    floor: str
    subject: str
    ratio: float | None
    target: str
    ok: bool


@dataclass
class Sizes:
    repeats: int
    lookups: int
    dataset_lines: int
    offline_lookups: int
    reports: int
    zxcvbn_rounds: int


FULL = Sizes(repeats=11, lookups=300, dataset_lines=10_000_000, offline_lookups=1000, reports=10_000,
             zxcvbn_rounds=3)
QUICK = Sizes(repeats=5, lookups=100, dataset_lines=10_000_000, offline_lookups=300, reports=10_000,
              zxcvbn_rounds=1)
TINY = Sizes(repeats=2, lookups=5, dataset_lines=2_000, offline_lookups=20, reports=20, zxcvbn_rounds=1)


def child_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env["HOME"] = str(cache / "home")  # the demo and summary must not touch the real history
    env["KAKAOAUDIT_LANG"] = "en"
    env["KAKAOAUDIT_HOME"] = str(cache / "kakaoaudit-home")
    # The figures are kakaoaudit's own: installed plugins (the example plugin in CI) stay out.
    env["KAKAOAUDIT_NO_PLUGINS"] = "1"
    return env


def measure(argv: Sequence[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of `argv`; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    with subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env) as process:
        if stdin is not None and process.stdin is not None:
            process.stdin.write(stdin)
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 1):  # 1: findings at --fail-on; still a complete run
        raise RuntimeError(f"{' '.join(argv[-4:])} exited {process.returncode}: {error.strip()[-400:]}")
    return elapsed, usage.ru_maxrss


Sample = tuple[float, int]  # wall seconds, peak RSS in KiB


def interleaved(commands: dict[str, Callable[[], Sample]], repeats: int) -> dict[str, list[Sample]]:
    """Each command once as warm-up, then `repeats` rounds taking each command in turn."""
    for run in commands.values():
        run()
    results: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, run in commands.items():
            results[name].append(run())
    return results


def wall(samples: list[tuple[float, int]]) -> float:
    return statistics.median(seconds for seconds, _ in samples)


def rss(samples: list[tuple[float, int]]) -> float:
    return statistics.median(kib for _, kib in samples)


def ratio_row(what: str, floor: float, subject: float, limit: float, unit: str) -> Row:
    ratio = subject / floor
    if unit == "ms":
        shown = (f"{floor * 1e3:.0f} ms", f"{subject * 1e3:.0f} ms")
    else:
        shown = (f"{floor / 1024:.1f} MiB", f"{subject / 1024:.1f} MiB")
    return Row(what, shown[0], shown[1], ratio, f"<= {limit}x", ratio <= limit)


def bench_processes(sizes: Sizes, env: dict[str, str]) -> list[Row]:
    def run(argv: Sequence[str]) -> Callable[[], tuple[float, int]]:
        return lambda: measure(argv, env)

    start = interleaved({
        "click": run([PYTHON, "-c", "import click"]),
        "version": run([*KAKAOAUDIT, "--version"]),
        "help": run([*KAKAOAUDIT, "--help"]),
    }, sizes.repeats)
    demo = interleaved({
        "floor": run([PYTHON, "-c", DEMO_FLOOR]),
        "floor_same_exit": run([PYTHON, "-c", DEMO_FLOOR + SAME_EXIT]),
        "demo": run([*KAKAOAUDIT, "demo", "--format", "json"]),
        "table": run([*KAKAOAUDIT, "demo", "--format", "table"]),
    }, sizes.repeats)
    return [
        ratio_row("kakaoaudit --version (wall)", wall(start["click"]), wall(start["version"]), 1.5, "ms"),
        ratio_row("kakaoaudit --help (wall)", wall(start["click"]), wall(start["help"]), 1.5, "ms"),
        ratio_row("kakaoaudit demo --format json (wall)", wall(demo["floor"]), wall(demo["demo"]), 1.5, "ms"),
        ratio_row("kakaoaudit demo --format table (wall)", wall(demo["floor"]), wall(demo["table"]), 1.5, "ms"),
        ratio_row("kakaoaudit demo (peak RSS)", rss(demo["floor"]), rss(demo["demo"]), 1.3, "KiB"),
        info_row("  json, floor with the same exit", wall(demo["floor_same_exit"]), wall(demo["demo"])),
        info_row("  table, floor with the same exit", wall(demo["floor_same_exit"]), wall(demo["table"])),
    ]


def info_row(what: str, floor: float, subject: float) -> Row:
    """A ratio shown for understanding, with no target."""
    return replace(ratio_row(what, floor, subject, 0, "ms"), target="(info)", ok=True)


def script_figures(argv: Sequence[str], env: dict[str, str]) -> dict[str, float | str]:
    """Run a bench_*.py script and return the JSON object on its last line (its text goes to stderr)."""
    done = subprocess.run([PYTHON, *argv], capture_output=True, text=True, env=env, check=False)
    lines = done.stdout.strip().splitlines()
    sys.stderr.write(done.stdout[: done.stdout.rfind(lines[-1])] if lines else done.stdout)
    if not lines or not lines[-1].startswith("{"):
        raise RuntimeError(f"{argv[0]} failed: {done.stderr.strip()[-600:]}")
    figures: dict[str, float | str] = json.loads(lines[-1])
    return figures


def bench_breach(sizes: Sizes, env: dict[str, str]) -> list[Row]:
    figures = script_figures([str(HERE / "bench_breach.py"), "--json", "--lookups", str(sizes.lookups),
                              "--lines", str(sizes.dataset_lines), "--offline-lookups",
                              str(sizes.offline_lookups)], env)
    floor, subject = float(figures["range_floor_ms"]), float(figures["range_subject_ms"])
    median, worst = float(figures["offline_median_ms"]), float(figures["offline_max_bytes"])
    lines = int(figures["offline_lines"])
    return [
        Row("breach lookup, loopback (median)", f"{floor:.2f} ms", f"{subject:.2f} ms", subject / floor,
            "<= 1.5x", subject / floor <= 1.5),
        Row("  of which the transport (fetch_range)", f"{floor:.2f} ms", f"{float(figures['range_fetch_ms']):.2f} ms",
            float(figures["range_fetch_ms"]) / floor, "(info)", True),
        Row(f"  of which body check ({int(figures['range_body_bytes']):,} B)", "-",
            f"{float(figures['range_validate_ms']):.2f} ms", None, "(info)", True),
        Row(f"offline lookup, {lines:,} lines (median)", "-", f"{median:.3f} ms", None, "< 2 ms", median < 2.0),
        Row("offline lookup, bytes read (max)", "-", f"{worst / 1024:.1f} KiB", None, "< 64 KiB",
            worst < 64 * 1024),
    ]


def bench_summary(sizes: Sizes, env: dict[str, str], work: Path) -> list[Row]:
    folder = work / "reports"
    folder.mkdir()
    sys.path.insert(0, str(HERE))
    from bench_summary import write_reports  # the benchmarks folder is not a package

    write_reports(folder, sizes.reports, people=40)
    load = ("import json, pathlib, sys\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).iterdir()): json.loads(p.read_bytes())")
    results = interleaved({
        "floor": lambda: measure([PYTHON, "-c", load, str(folder)], env),
        "summary": lambda: measure([*KAKAOAUDIT, "summary", str(folder), "--format", "json"], env),
    }, max(3, sizes.repeats // 2))
    row = ratio_row(f"summary of {sizes.reports:,} reports (wall)", wall(results["floor"]),
                    wall(results["summary"]), 2.0, "ms")
    return [row]


def bench_zxcvbn(sizes: Sizes, env: dict[str, str], work: Path) -> list[Row]:
    worst_file = work / "worst.txt"
    figures = script_figures([str(HERE / "bench_zxcvbn.py"), "--json", "--rounds", str(sizes.zxcvbn_rounds),
                              "--worst-to", str(worst_file)], env)
    answers = work / "answers.toml"
    subprocess.run([*KAKAOAUDIT, "init", "--sample", "--output", str(answers)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    audit = [*KAKAOAUDIT, "audit", "--answers", str(answers), "--password-stdin", "--offline",
             "--no-input", "--no-history", "--format", "json"]
    password = worst_file.read_bytes()
    total = max(measure(audit, env, stdin=password)[0] for _ in range(max(1, sizes.repeats // 3)))
    worst_ms = float(figures["zxcvbn_worst_ms"])
    return [
        Row(f"zxcvbn worst at 72 chars ({figures['zxcvbn_worst']})", "-", f"{worst_ms:.0f} ms", None,
            "(reported)", True),
        Row("kakaoaudit audit with that password (max)", "-", f"{total * 1e3:.0f} ms", None, "< 2 s", total < 2.0),
    ]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {sys.version.split()[0]}"


def print_table(rows: list[Row]) -> None:
    headers = ("what", "floor", "subject", "ratio", "target", "result")
    cells = [(r.what, r.floor, r.subject, "-" if r.ratio is None else f"{r.ratio:.2f}x", r.target,
              "OK" if r.ok else "MISSED") for r in rows]
    widths = [max(len(str(row[i])) for row in [headers, *cells]) for i in range(len(headers))]
    for row in [headers, tuple("-" * w for w in widths), *cells]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--tiny", action="store_true", help="tiny data sizes too (smoke test of the runner)")
    parser.add_argument("--only", action="append", choices=["processes", "breach", "summary", "zxcvbn"],
                        help="run only these parts")
    args = parser.parse_args(argv)
    sizes = TINY if args.tiny else QUICK if args.quick else FULL
    parts = args.only or ["processes", "breach", "summary", "zxcvbn"]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kakaoaudit-bench-") as folder:
        work = Path(folder)
        env = child_env(work)
        (work / "home").mkdir()
        started = time.perf_counter()
        if "processes" in parts:
            rows += bench_processes(sizes, env)
        if "breach" in parts:
            rows += bench_breach(sizes, env)
        if "summary" in parts:
            rows += bench_summary(sizes, env, work)
        if "zxcvbn" in parts:
            rows += bench_zxcvbn(sizes, env, work)
        elapsed = time.perf_counter() - started
    print(f"kakaoaudit benchmarks on {machine()}; {sizes.repeats} repetitions, medians; {elapsed:.0f} s")
    print_table(rows)
    missed = [row.what.strip() for row in rows if not row.ok]
    print("all targets met" if not missed else f"missed: {'; '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
