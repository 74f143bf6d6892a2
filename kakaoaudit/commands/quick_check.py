"""What the quick check of an audit covered, and the report's note on what it left out.

Apart from the questionnaire (kakaoaudit.commands.answering) so that a run that asks nothing (the
demo, an audit from a complete answers file) does not load the prompts to say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from kakaoaudit.core.check import Check
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import Question

_ = translator("kakaoaudit.commands.quick_check")


class Asked(NamedTuple):
    """What the questionnaire of an audit covered."""

    questions: tuple[Question, ...]
    #: The checks the quick check left out, with the reason their finding gives.
    left_out: tuple[type[Check], ...] = ()
    #: The checks that ran without some of their detail questions (``--full`` asks them).
    in_part: tuple[type[Check], ...] = ()


def quick_note(asked: Asked) -> Msg | None:
    """The report's note on what the quick check did not cover, or None after a full questionnaire."""
    if not asked.left_out and not asked.in_part:
        return None
    left = titles(asked.left_out)
    part = titles(asked.in_part)
    if left is not None and part is not None:
        return _("The quick check did not cover {left}, and covered {part} only in part. Run 'kakaoaudit audit "
                 "--full' to answer the rest of the questions.", left=left, part=part)
    if left is not None:
        return _("The quick check did not cover {left}. Run 'kakaoaudit audit --full' to answer the rest of the "
                 "questions.", left=left)
    assert part is not None
    return _("The quick check covered {part} only in part. Run 'kakaoaudit audit --full' to answer the rest of "
             "the questions.", part=part)


def titles(checks: Sequence[type[Check]]) -> Msg | None:
    """The checks' IDs and titles as one message, rendered in the reader's language: "KA303 Backup contacts, ..."."""
    if not checks:
        return None
    first = _("{id} {title}", id=checks[0].id, title=checks[0].title)
    rest = titles(checks[1:])
    return first if rest is None else _("{first}, {rest}", first=first, rest=rest)


def skipped_reason() -> Msg:
    """Why a check the quick check left out did not run."""
    return _("not asked in the quick check: 'kakaoaudit audit --full' asks its questions")
