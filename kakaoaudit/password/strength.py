"""zxcvbn, called safely: never raises on a password, never lets the password out of this call.

zxcvbn 4.5 (STANDARDS.md): raises `ValueError` above 72 characters and `IndexError` on "";
its result holds the password and its pieces (`password`, `sequence[].token`); `guesses` is a
`Decimal` and `calc_time` a `timedelta`; `user_inputs` is module-global state (so calls are
serialised here, and the user's words are dropped from it afterwards). `estimate` keeps only
what a report may show: the score, the order of magnitude of the guesses, and zxcvbn's English
feedback strings (fixed sentences that never quote the password).

zxcvbn (its frequency lists take ~0.1 s and several MB) is imported on the first estimate.

Two uses reach into zxcvbn's internals, `zxcvbn.matching`: the l33t work bound below
(`relevant_l33t_subtable`, `enumerate_l33t_subs`, `L33T_TABLE`) and forgetting the user's words
(`RANKED_DICTIONARIES`). They are the same in every release this range admits, so setup.cfg pins
zxcvbn to the tested range (4.4.28 to 4.5.x), and tests/password/test_zxcvbn_internals.py fails loudly
when an installed zxcvbn lacks them (otherwise every password would come out as "could not estimate").

Bounded work: zxcvbn's l33t matcher runs its whole dictionary search once per substitution table,
and a password holding many l33t-ambiguous characters (``4@8(<{[3%69!1|70$5+2`` repeated) has
hundreds of tables: about 5 s at 72 characters (benchmarks/bench_zxcvbn.py). The work is about
tables x length², so when that exceeds `MAX_L33T_WORK` only a prefix short enough to fit is scored.
A prefix can only look weaker than the whole (zxcvbn's guesses grow with length), so the cut errs
on the side of warning; the passwords it hits are long runs of symbols, which score well anyway.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

#: zxcvbn refuses longer passwords; longer ones are scored on their first 72 characters.
MAX_SCORED_LENGTH: Final = 72

#: Cost bound of one estimate: l33t substitution tables x scored length² (about 1-2 µs each: 0.1-0.2 s).
MAX_L33T_WORK: Final = 100_000

_LOCK = threading.Lock()


class StrengthUnavailable(Exception):
    """zxcvbn failed on this password (a bug in zxcvbn); the message never holds the password."""


@dataclass(frozen=True)
class Estimate:
    """What may be reported of a zxcvbn result: nothing here contains the password."""

    score: int
    """0 (too guessable) to 4 (very unguessable)."""
    guesses_log10: float
    """log10 of the estimated number of guesses, rounded to one decimal (JSON-safe)."""
    warning: str
    """zxcvbn's warning, an English sentence from its fixed list, or ''."""
    suggestions: tuple[str, ...]
    """zxcvbn's suggestions, English sentences from its fixed list."""
    truncated: bool
    """True when only the first `MAX_SCORED_LENGTH` characters were scored."""


def estimate(password: str, user_inputs: Sequence[str] = ()) -> Estimate:
    """zxcvbn's estimate of `password` (not empty), taking the user's own words into account.

    Raises `ValueError` for an empty password and `StrengthUnavailable` when zxcvbn fails.
    """
    if not password:
        raise ValueError("an empty password has no strength estimate")
    truncated = len(password) > MAX_SCORED_LENGTH
    failed = False
    with _LOCK:
        try:
            found = _run_zxcvbn(password[:MAX_SCORED_LENGTH], list(user_inputs))
        except Exception:  # any zxcvbn bug becomes "could not estimate"
            failed = True
        finally:
            _forget_user_inputs()
    if failed:
        # Raised outside the except block, so zxcvbn's exception (and its frames' locals, which hold
        # the password) does not ride along as __context__; and without the password in this frame.
        del password
        raise StrengthUnavailable("zxcvbn could not estimate this password")
    score, guesses_log10, warning, suggestions = found
    return Estimate(score, guesses_log10, warning, suggestions, truncated)


def _run_zxcvbn(password: str, user_inputs: list[str]) -> tuple[int, float, str, tuple[str, ...]]:
    """Only plain values leave this frame; the raw result (with the password) dies with it."""
    from zxcvbn import zxcvbn  # noqa: PLC0415 - heavy: loaded on the first estimate only

    result: dict[str, Any] = zxcvbn(_within_budget(password), user_inputs=user_inputs)
    feedback = result.get("feedback") or {}
    score = int(result["score"])
    guesses_log10 = round(float(result["guesses_log10"]), 1)
    warning = str(feedback.get("warning") or "")
    suggestions = tuple(str(text) for text in feedback.get("suggestions") or () if text)
    if not 0 <= score <= 4 or not math.isfinite(guesses_log10):
        raise ValueError("zxcvbn returned an unexpected result")
    return score, guesses_log10, warning, suggestions


def _within_budget(password: str) -> str:
    """`password`, or the longest prefix whose l33t work fits `MAX_L33T_WORK` (see the module doc)."""
    from zxcvbn import matching  # noqa: PLC0415

    while True:
        tables = len(matching.enumerate_l33t_subs(matching.relevant_l33t_subtable(password, matching.L33T_TABLE)))
        if tables * len(password) ** 2 <= MAX_L33T_WORK:
            return password
        password = password[:min(len(password) - 1, math.isqrt(MAX_L33T_WORK // max(tables, 1)))]


def _forget_user_inputs() -> None:
    """Drop the user's words from zxcvbn's module-global dictionaries (personal data)."""
    try:
        from zxcvbn import matching  # noqa: PLC0415
    except ImportError:  # pragma: no cover - zxcvbn is a dependency
        return
    matching.RANKED_DICTIONARIES.pop("user_inputs", None)
