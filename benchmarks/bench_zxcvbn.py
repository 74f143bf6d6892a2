"""Worst case of the password-strength estimate: zxcvbn on a crafted corpus at 72 characters.

Run from the repository root: ``python benchmarks/bench_zxcvbn.py [--rounds N] [--worst-to FILE]``.

zxcvbn's matching is super-linear on some inputs: l33t substitutions (every ambiguous character
multiplies the substitution tables tried), repeats, sequences, keyboard runs and dates, each
found at every start position. The corpus below mixes them at 72 characters, the most zxcvbn
scores (`kakaoaudit.password.strength` truncates longer passwords). Each password is timed through
`kakaoaudit.password.strength.estimate` (the call the audit makes); the worst median is reported, and
with ``--worst-to`` that password is written to FILE for the end-to-end audit run by run.py.
These passwords are made up for the benchmark: none is anyone's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kakaoaudit.password.strength import MAX_SCORED_LENGTH, estimate

WIDTH = MAX_SCORED_LENGTH


def _fill(unit: str) -> str:
    """`unit` repeated (and cut) to exactly 72 characters."""
    return (unit * (WIDTH // len(unit) + 1))[:WIDTH]


def corpus() -> dict[str, str]:
    """Named 72-character passwords, each aimed at one costly part of zxcvbn's matching."""
    return {
        "repeat 1 char": _fill("a"),
        "repeat word": _fill("password"),
        "repeat l33t word": _fill("p@55w0rd"),
        "l33t all ambiguous": _fill("4@8(<{[3%69!1|70$5+2"),
        "l33t words": _fill("p@$$w0rdm0nk3yqw3r7y|1!7dr@g0n5h4d0w"),
        "l33t ones and pipes": _fill("1|!1|!l1|"),
        "sequence az": _fill("abcdefghijklmnopqrstuvwxyz"),
        "sequence digits": _fill("0123456789"),
        "sequence down": _fill("zyxwvutsrqponmlkjihgfedcba9876543210"),
        "keyboard runs": _fill("qwertyuiopasdfghjklzxcvbnm1qaz2wsx3edc"),
        "keypad": _fill("789456123"),
        "dates": _fill("19870219"),
        "dates separated": _fill("19/02/1987"),
        "digits years": _fill("1987198819891990199119921993"),
        "words": _fill("passworddragonmonkeyletmeinfootballshadowmaster"),
        "mixed": _fill("P@ssw0rd1987!qwerty123abc19/02/87aaaa"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timings per password (median kept)")
    parser.add_argument("--worst-to", type=Path, default=None, help="write the slowest password to this file")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of figures (for run.py)")
    args = parser.parse_args()
    estimate("warm-up: loads zxcvbn's frequency lists")
    times: dict[str, float] = {}
    passwords = corpus()
    for name, password in passwords.items():
        assert len(password) == WIDTH, name
        runs = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            estimate(password, ["kakao", "minji"])
            runs.append(time.perf_counter() - start)
        times[name] = statistics.median(runs)
    print(f"zxcvbn at {WIDTH} characters, {len(passwords)} crafted passwords, median of {args.rounds}:")
    for name, seconds in sorted(times.items(), key=lambda item: -item[1]):
        print(f"  {name:<22} {seconds * 1e3:>9.1f} ms")
    worst = max(times, key=times.__getitem__)
    if args.worst_to is not None:
        args.worst_to.write_text(passwords[worst] + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({"zxcvbn_worst_ms": times[worst] * 1e3, "zxcvbn_worst": worst,
                          "zxcvbn_total_ms": sum(times.values()) * 1e3}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
