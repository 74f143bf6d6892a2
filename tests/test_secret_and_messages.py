"""Secret never shows its value; messages render, translate, mask and round-trip."""

from __future__ import annotations

import copy
import pickle

import pytest

from kakaoaudit.core.i18n import Msg, Private, detect_language, gettext_for, translator
from kakaoaudit.core.secret import Secret

_ = translator("kakaoaudit")


def test_secret_hides_value_everywhere() -> None:
    secret = Secret("hunter2-canary")
    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", "%s" % secret, format(secret, ">30")]
    assert all("hunter2" not in text for text in shown)
    assert secret.reveal() == "hunter2-canary"


def test_secret_refuses_pickle_and_copy_out() -> None:
    secret = Secret("x")
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)


def test_secret_clear_drops_value() -> None:
    secret = Secret("abc")
    secret.clear()
    with pytest.raises(ValueError):
        secret.reveal()


def test_secret_in_exception_message_is_masked() -> None:
    secret = Secret("canary-pw")
    try:
        raise RuntimeError(f"failed for {secret}")
    except RuntimeError as error:
        assert "canary-pw" not in str(error)


def test_secret_only_holds_strings() -> None:
    with pytest.raises(TypeError):
        Secret(b"bytes")  # type: ignore[arg-type]


def test_message_renders_in_japanese_and_english() -> None:
    message = _("Score: {score}/100   Grade: {grade}", score=70, grade="C")
    assert message.render("en") == "Score: 70/100   Grade: C"
    assert message.render("ja") == "スコア: 70/100   評価: C"


def test_nested_messages_and_private_values() -> None:
    inner = _("Category")
    phone = Private("+819012345678", "+81 ********78")
    message = _("{message} ({hint})", message=inner, hint=phone)
    assert message.render("ja") == "カテゴリー（+81 ********78）"
    assert "+819012345678" in message.render("en", redact=False)
    assert "12345678" not in message.render("en")
    assert "12345678" not in repr(phone)


def test_message_json_round_trip_renders_in_another_language() -> None:
    message = _("{message} ({hint})", message=_("Category"), hint=3)
    rebuilt = Msg.from_json(message.to_json())
    assert rebuilt == message
    assert rebuilt.render("ja") == "カテゴリー（3）"


def test_private_value_is_masked_in_json_unless_redaction_off() -> None:
    message = _("For: {label}", label=Private("secret@example.com", "se***@ex*****.com"))
    assert "secret@example.com" not in str(message.to_json())
    assert "secret@example.com" in str(message.to_json(redact=False))


@pytest.mark.parametrize(
    "data",
    [{}, {"domain": 1, "msgid": "x"}, {"domain": "d", "msgid": "x", "params": {"a": [1]}}, "text"],
)
def test_message_from_bad_json_is_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        Msg.from_json(data)  # type: ignore[arg-type]


def test_broken_translation_falls_back_to_source(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def gettext(self, msgid: str) -> str:
            return "{missing} placeholder"

    monkeypatch.setattr("kakaoaudit.core.i18n.gettext_for", lambda domain, lang: Broken())
    assert _("Date: {date}", date="today").render("ja") == "Date: today"


def test_unknown_domain_shows_source_text() -> None:
    assert Msg("no.such.domain", "Plain {x}", (("x", 1),)).render("ja") == "Plain 1"
    assert gettext_for("no.such.domain", "ja").gettext("a") == "a"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"KAKAOAUDIT_LANG": "ja"}, "ja"),
        ({"KAKAOAUDIT_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "ja_JP", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LANG": "Japanese_Japan.932"}, "ja"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"KAKAOAUDIT_LANG": "xx", "LANG": "ja_JP"}, "ja"),
        ({}, "en"),
    ],
)
def test_language_detection(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected
