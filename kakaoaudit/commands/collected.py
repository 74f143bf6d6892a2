"""The answers a command collected, and what it says when some are missing without a terminal to ask.

Shared by the audit and the commands that ask (kakaoaudit.commands.answering): kept light and apart so
that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from kakaoaudit.core.answers import Source
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import AnswerValue, Question
from kakaoaudit.questionnaire.template import condition_text

_ = translator("kakaoaudit")


class Collected(NamedTuple):
    """The answers of one run and where each came from."""

    values: dict[str, AnswerValue]
    sources: dict[str, Source]
    asked: bool
    sections: Mapping[str, Any] = MappingProxyType({})
    """The answers file's reserved sections, parsed (``suppress``, ``settings``)."""


def missing_messages(missing: Sequence[Question], answers_file: Path | None, command: str = "audit") -> list[Msg]:
    """Why the run stops without a terminal: every question left, and how to answer it."""
    lines = [_("{count} question(s) have no answer and there is no terminal to ask them:", count=len(missing))]
    for question in missing:
        line = _("  {id}: {prompt}", id=question.id, prompt=question.prompt)
        if question.when:
            line = _("{message} (only when {condition})", message=line, condition=condition_text(question))
        lines.append(line)
    if answers_file is None:
        with_file = f"kakaoaudit {command} --answers FILE"
        lines.append(_("Run kakaoaudit in a terminal to be asked, or write the answers in a file "
                       "('kakaoaudit init' creates one) and run: {command}", command=with_file))
    else:
        lines.append(_("Add these keys to {file} ('kakaoaudit init -o -' shows every key with its "
                       "explanation), or run kakaoaudit in a terminal to be asked.", file=str(answers_file)))
    return lines
