"""The travel checks' copies of other checks' questions stay identical to the owners' (only gated by the trip)."""

from __future__ import annotations

from kakaoaudit.checks.travel_shared import BACKUP_QUESTIONS, RESTRICTION_QUESTIONS, TRIP, TWO_STEP_QUESTIONS
from kakaoaudit.core.questions import Question
from kakaoaudit.core.registry import discover
from kakaoaudit.travel.trip import ON_TRIP, PLANNED, TravelCheck

COPIES = (*TRIP[-1:], *RESTRICTION_QUESTIONS, *TWO_STEP_QUESTIONS, *BACKUP_QUESTIONS)


def owners() -> dict[str, Question]:
    """Each shared question as declared by the first non-travel check that declares it."""
    found: dict[str, Question] = {}
    for loaded in discover().checks:
        if not issubclass(loaded.check, TravelCheck):
            for question in loaded.check.questions:
                found.setdefault(question.id, question)
    return found


def test_copies_match_their_owners() -> None:
    declared = owners()
    for copy in COPIES:
        owner = declared[copy.id]
        assert (copy.type, copy.choice_values, copy.allow_unknown, copy.default) == (
            owner.type, owner.choice_values, owner.allow_unknown, owner.default), copy.id
        assert copy.prompt.msgid == owner.prompt.msgid, copy.id
        assert (copy.help.msgid if copy.help else None) == (owner.help.msgid if owner.help else None), copy.id
        assert [c.label.msgid for c in copy.choices] == [c.label.msgid for c in owner.choices], copy.id
        # Only the trip condition is added to the owner's own condition.
        assert dict(copy.when) == {**owner.when, **ON_TRIP}, copy.id


def test_the_registry_accepts_every_travel_check_and_asks_each_question_once() -> None:
    registry = discover()
    assert not registry.warnings, [w.render("en") for w in registry.warnings]
    travel = [loaded.check for loaded in registry.checks if issubclass(loaded.check, TravelCheck)]
    assert len(travel) == 9
    ids = [q.id for check in travel for q in check.questions]
    assert PLANNED in ids
    # In a full audit the owners' declarations come first (lower IDs) and are the ones asked.
    assert registry.questions()["contacts.backup.kind"].when == {}
