"""Property-based fuzzing (hypothesis): parsers, redaction and `show` never crash and never leak.

Each property runs a fixed number of generated inputs (together more than 10,000); the only
accepted failures are the project's own one-line errors (`KakaoauditError`, `AnswerValueError`).
"""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakaoaudit.contacts import phone_email as contacts
from kakaoaudit.core import countries
from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.questions import AnswerValueError, QType, Question

pytestmark = pytest.mark.hardening

TODAY = date(2026, 11, 28)


def examples(count: int) -> settings:
    return settings(max_examples=count, deadline=None, suppress_health_check=list(HealthCheck))


text = st.text(st.characters(codec="utf-8"), max_size=60)
word = st.text("abcdefghijklmnopqrstuvwxyz0123456789._+-", min_size=1, max_size=12)
# Cheaper than st.emails(), and with the shapes that matter for masking.
emails = st.builds(lambda local, host, tld: f"{local}@{host}.{tld}", word, word,
                   st.sampled_from(["com", "jp", "co.kr"]))
toml_scalar = st.one_of(st.booleans(), st.integers(-10**20, 10**20), text, st.dates().map(str),
                        st.lists(text, max_size=3))


@pytest.fixture(scope="module")
def known() -> dict[str, Question]:
    from kakaoaudit.commands.audit import known_questions
    from kakaoaudit.core.registry import discover

    return known_questions(discover())


@pytest.fixture(scope="module")
def demo_report() -> dict[str, Any]:
    from kakaoaudit.core.answers import Answers
    from kakaoaudit.core.engine import Auditor
    from kakaoaudit.core.registry import discover
    from kakaoaudit.formats.json_report import to_dict

    # Every built-in check over no answers: a valid report full of unknown and error findings.
    report = Auditor(checks=[c.check for c in discover().checks]).run(Answers({}))
    return to_dict(report, lang="en")


def _toml_line(key: str, value: Any) -> str:
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


@examples(700)
@given(data=st.data())
def test_answers_loader_accepts_or_explains(data: st.DataObject, known: dict[str, Question], battery: Any) -> None:
    from kakaoaudit.core.answers import parse_answers_text

    battery.count("fuzz inputs")
    keys = st.one_of(st.sampled_from(sorted(known)), st.from_regex(r"[a-z][a-z_.]{0,20}", fullmatch=True))
    lines = data.draw(st.lists(st.tuples(keys, toml_scalar), max_size=6))
    raw = "\n".join(_toml_line(key, value) for key, value in lines)
    if data.draw(st.booleans()):
        raw = data.draw(text) + raw  # often not TOML at all
    try:
        parse_answers_text(raw, Path("fuzz.toml"), known, today=TODAY)
    except KakaoauditError as error:
        assert str(error).strip()
        assert "Traceback" not in str(error)


@examples(3000)
@given(raw=st.one_of(text, st.from_regex(r"\+?[0-9 ()\-]{0,20}", fullmatch=True)))
def test_phone_parsing_never_raises(raw: str, battery: Any) -> None:
    battery.count("fuzz inputs")
    info = contacts.parse_phone(raw)
    assert info.valid is False or info.problem is None
    assert isinstance(contacts.mask_phone(info), str)


@examples(1500)
@given(raw=st.one_of(text, emails))
def test_email_parsing_never_raises(raw: str, battery: Any) -> None:
    battery.count("fuzz inputs")
    info = contacts.parse_email(raw)
    assert info.valid is False or info.problem is None
    assert isinstance(contacts.mask_email(info), str)


@examples(1500)
@given(raw=text)
def test_country_and_date_parsing_accept_or_explain(raw: str, battery: Any) -> None:
    battery.count("fuzz inputs")
    with contextlib.suppress(countries.CountryNotFound):
        countries.lookup(raw)
    for qtype in (QType.DATE, QType.COUNTRY, QType.PHONE, QType.EMAIL):
        with contextlib.suppress(AnswerValueError):
            Question("fuzz.value", qtype, "?").parse(raw, today=TODAY)


@examples(1500)
@given(number=st.from_regex(r"0[789]0[1-9][0-9]{7}", fullmatch=True),
       style=st.sampled_from(["{a}-{b}-{c}", "{a}{b}{c}", "+81 {a1}-{b}-{c}", "({a}) {b} {c}"]),
       email=emails)
def test_redaction_never_shows_the_unmasked_value(number: str, style: str, email: str, battery: Any) -> None:
    battery.count("fuzz inputs", 2)
    written = style.format(a=number[:3], a1=number[1:3], b=number[3:7], c=number[7:])
    masked = contacts.mask_phone(written)
    # At most the country code and the last two digits are shown.
    shown = re.sub(r"\D", "", masked.removeprefix("+81"))
    assert len(shown) <= 2, (written, masked)
    assert number[3:7] not in masked and number[7:] not in masked
    local, _, domain = email.rpartition("@")
    masked_email = contacts.mask_email(email)
    assert masked_email != email
    if len(local) >= 4:
        assert local not in masked_email, (email, masked_email)
    if len(domain.split(".")[0]) >= 4:
        assert domain not in masked_email, (email, masked_email)


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(text, children, max_size=4)),
    max_leaves=12,
)


def _mutate(document: Any, path: list[int], value: Any) -> Any:
    """`document` with one node (chosen by `path`) replaced by `value`."""
    if not path or not isinstance(document, (dict, list)) or not document:
        return value
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[key] = _mutate(document[key], path[1:], value)  # type: ignore[index]
    return copy


def _show(tmp_path: Path, document: Any) -> None:
    from kakaoaudit.formats import render
    from kakaoaudit.formats.reading import load_report

    path = tmp_path / "report.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    try:
        report = load_report(path)
    except KakaoauditError as error:
        assert str(error).strip()
        return
    for fmt in ("table", "json", "markdown", "html"):
        assert render(report, fmt, lang="ja", terminal=False)


@examples(1200)
@given(document=json_value)
def test_show_on_arbitrary_json(document: Any, tmp_path_factory: pytest.TempPathFactory, battery: Any) -> None:
    battery.count("fuzz inputs")
    _show(tmp_path_factory.getbasetemp(), document)


@examples(600)
@given(path=st.lists(st.integers(0, 50), min_size=1, max_size=6), value=json_value)
def test_show_on_damaged_reports(path: list[int], value: Any, demo_report: dict[str, Any],
                                 tmp_path_factory: pytest.TempPathFactory, battery: Any) -> None:
    battery.count("fuzz inputs")
    _show(tmp_path_factory.getbasetemp(), _mutate(demo_report, path, value))
