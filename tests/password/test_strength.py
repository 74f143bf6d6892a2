"""kakaoaudit.password.strength: zxcvbn without its pitfalls, and the feedback catalog of KA101."""

from __future__ import annotations

import ast
import json
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.checks import password_strength
from kakaoaudit.password.personal import personal_context, phone_digit_forms
from kakaoaudit.password.strength import MAX_SCORED_LENGTH, StrengthUnavailable, estimate


def test_empty_password_is_refused_before_zxcvbn() -> None:
    with pytest.raises(ValueError, match="empty"):
        estimate("")


@pytest.mark.parametrize(
    "password",
    [
        "x" * 73,
        "correct horse battery staple " * 5,
        "aB3$" * 40,
        "パスワード" * 20,
    ],
)
def test_over_72_characters_scores_the_first_72(password: str) -> None:
    assert len(password) > MAX_SCORED_LENGTH
    result = estimate(password)
    head = estimate(password[:MAX_SCORED_LENGTH])
    assert result.truncated and not head.truncated
    assert (result.score, result.guesses_log10, result.warning) == (head.score, head.guesses_log10, head.warning)


@pytest.mark.parametrize(
    "password",
    ["パスワード", "さくら平成2年5月12日", "비밀번호123", "카카오톡사랑해", "🔑🔑🔑🔑", "👨‍👩‍👧‍👦 family", "x", " ",
     "\t\u3000"],
)
def test_unicode_and_odd_passwords_never_raise(password: str) -> None:
    result = estimate(password)
    assert 0 <= result.score <= 4
    assert not result.truncated
    json.dumps(asdict(result))  # JSON-safe: no Decimal, no timedelta


# The same password, estimated without and with the user's own details: the details must make it weaker.
_BIRTH = date(1990, 5, 12)
_PHONE = phone_digit_forms("09073920156", national="9073920156", e164="819073920156")


@pytest.mark.parametrize(
    ("password", "context"),
    [
        ("hanako19900512", {"birth_date": _BIRTH, "names": "Hanako"}),
        ("tulip900512", {"birth_date": _BIRTH}),
        ("moonH020512", {"birth_date": _BIRTH}),
        ("sunny73920156", {"phone_forms": _PHONE}),
        ("river09073920156", {"phone_forms": _PHONE}),
        ("grapefruit.tanaka7", {"email": "grapefruit.tanaka@example.com"}),
        ("kakaotalk2024", {}),  # the service's names are always given
    ],
)
def test_personal_details_lower_the_estimate(password: str, context: dict[str, Any]) -> None:
    without = estimate(password, [])
    with_context = estimate(password, personal_context(**context).user_inputs())
    assert with_context.guesses_log10 < without.guesses_log10 - 1  # at least 10 times fewer guesses
    assert with_context.score <= without.score


def test_score_drops_for_a_birthday_password() -> None:
    words = personal_context(birth_date=_BIRTH, names="Hanako").user_inputs()
    assert estimate("Hanako0512!", words).score <= estimate("Hanako0512!", []).score - 2


def test_the_users_words_are_dropped_from_zxcvbn_afterwards() -> None:
    from zxcvbn import matching

    estimate("tulip900512", personal_context(birth_date=_BIRTH, names="Hanako").user_inputs())
    assert "user_inputs" not in matching.RANKED_DICTIONARIES
    assert "passwords" in matching.RANKED_DICTIONARIES  # zxcvbn's own lists are untouched


def test_the_estimate_holds_nothing_of_the_password() -> None:
    password = "Zebra-Quartz-7781"
    result = estimate(password)
    text = json.dumps(asdict(result)).casefold()
    for piece in ("zebra", "quartz", "7781"):
        assert piece not in text


def test_a_zxcvbn_failure_is_strength_unavailable_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import zxcvbn

    def broken(password: str, user_inputs: Any = None, max_length: int = 72) -> Any:
        raise KeyError(f"token {password!r} not found")  # a bug that quotes its input

    monkeypatch.setattr(zxcvbn, "zxcvbn", broken)
    with pytest.raises(StrengthUnavailable) as caught:
        estimate("Secret-Canary-4411")
    error = caught.value
    assert error.__context__ is None and error.__cause__ is None
    assert "Canary" not in str(error) + repr(error.args)
    frames = traceback.walk_tb(error.__traceback__)
    for frame, _line in frames:
        if "kakaoaudit" in frame.f_code.co_filename:  # error reporters may dump the locals of these frames
            assert "Canary" not in repr(frame.f_locals)


def test_concurrent_calls_keep_each_users_words_apart() -> None:
    # user_inputs is zxcvbn's module-global state: without serialisation one thread's words leak
    # into another's estimate.
    cases = [
        ("hanako19900512", personal_context(birth_date=_BIRTH, names="Hanako").user_inputs()),
        ("hanako19900512", []),
        ("sunny73920156", personal_context(phone_forms=_PHONE).user_inputs()),
        ("sunny73920156", []),
    ]
    expected = [estimate(password, words) for password, words in cases]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            got = list(pool.map(lambda case: estimate(*case), cases))
            assert got == expected


# ---------------------------------------------------------------------------------- feedback catalog


def _zxcvbn_feedback_strings() -> set[str]:
    """Every string literal zxcvbn's feedback.py passes to gettext's `_`."""
    import zxcvbn.feedback

    tree = ast.parse(Path(zxcvbn.feedback.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
            argument = node.args[0]
            assert isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            found.add(argument.value)
    return found


def test_every_zxcvbn_feedback_string_is_translated() -> None:
    strings = _zxcvbn_feedback_strings()
    assert len(strings) >= 25
    catalog = password_strength._ZXCVBN_FEEDBACK
    assert strings <= set(catalog), strings - set(catalog)
    for text in strings:
        message = catalog[text]
        assert message.render("en") == text
        assert message.render("ja") != text and message.render("ko") != text, text


def test_unknown_feedback_is_shown_in_english_unless_it_could_quote_the_password() -> None:
    future = "Emoji alone are easy to guess."
    assert password_strength._feedback(future, "Moonlight-River-42").render("ja") == future
    quoting = password_strength._feedback("'moonlight' is a common word.", "Moonlight-River-42")
    assert "moonlight" not in quoting.render("en").casefold()
    assert "quote" in quoting.render("en")
