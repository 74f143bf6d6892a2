"""Translation: lazy messages rendered in the language of the report.

Every user-facing string is written in English in the source and wrapped with a domain's
translator, conventionally bound to `_`::

    from kakaoaudit.core.i18n import translator
    _ = translator("kakaoaudit")
    title = _("2-step verification is off")
    detail = _("{count} devices are logged in", count=3)

`_` returns a `Msg`, not a string: the text is looked up in the gettext catalog only when the
report is rendered, so the same report can be shown in Japanese, English or Korean, and a saved
JSON report can be rendered again in another language (`Msg.to_json` / `Msg.from_json`).

Catalogs are gettext `.po` files, compiled to `.mo` (`python tools/i18n.py compile`), under
`<localedir>/<lang>/LC_MESSAGES/<domain>.mo`. Built-in domains live in `kakaoaudit/locale`; a
plugin passes its own `localedir` to `translator`.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union

from kakaoaudit.core.placeholders import fill, names
from kakaoaudit.core.untrusted import printable

#: Languages with complete catalogs, in the order the help lists them.
LANGUAGES: tuple[str, ...] = ("ja", "en", "ko")
#: The source language of every msgid.
SOURCE_LANGUAGE = "en"

BUILTIN_LOCALEDIR = Path(__file__).resolve().parent.parent / "locale"

#: A rendered message is at most this many times the size of its template and parameters, plus the
#: slack (a translation may be longer than the source text of a nested message).
_FILL_FACTOR, _FILL_SLACK = 4, 256
#: What a domain name may be: it becomes part of a catalog's file name.
_DOMAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")

_localedirs: dict[str, Path] = {}
_current_language = SOURCE_LANGUAGE


@dataclass(frozen=True)
class Private:
    """A personal detail (phone number, email address) inside a message.

    It renders masked unless redaction was explicitly turned off (`--no-redact`), so a report
    shared with a relative does not expose contacts by default.
    """

    value: str
    masked: str

    def __repr__(self) -> str:
        return f"Private(masked={self.masked!r})"


Param = Union[str, int, float, "Msg", Private]


@dataclass(frozen=True)
class Msg:
    """A translatable message: a msgid of a gettext domain with named parameters."""

    domain: str
    msgid: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, lang: str | None = None, *, redact: bool = True) -> str:
        """The message in `lang` (default: the current language), parameters filled in."""
        language = lang or _current_language
        text = gettext_for(self.domain, language).gettext(self.msgid)
        if not self.params:
            return printable(text)
        values = {name: _render_param(value, language, redact) for name, value in self.params}
        if text != self.msgid and not names(text) <= values.keys():
            text = self.msgid  # a broken translation must never break a report: the source text
        if language == "ko":
            # "{country}이(가)" -> "{country}이" or "{country}가", by the value it will show
            from kakaoaudit.core.korean import resolve_particles  # noqa: PLC0415 - only Korean needs it

            text = resolve_particles(text, {name: str(value) for name, value in values.items()})
        # A template is data (a saved report brings its own): only plain fields are filled, and the
        # result stays in proportion to what the message is made of.
        return printable(fill(text, values, limit=_FILL_FACTOR * (len(text) + self._weight()) + _FILL_SLACK))

    def _weight(self) -> int:
        """The size of the message's parameters as given (nested messages by their own size)."""
        return sum(_weight(value) for _name, value in self.params)

    def __str__(self) -> str:
        return self.render()

    def to_json(self, *, redact: bool = True) -> dict[str, Any]:
        """A JSON form from which `from_json` rebuilds the message (private values as rendered)."""
        params: dict[str, Any] = {}
        for name, value in self.params:
            if isinstance(value, Msg):
                params[name] = {"msg": value.to_json(redact=redact)}
            elif isinstance(value, Private):
                params[name] = value.masked if redact else value.value
            else:
                params[name] = value
        return {"domain": self.domain, "msgid": self.msgid, "params": params}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Msg:
        """Inverse of `to_json`; raises `ValueError` on a malformed structure."""
        try:
            domain, msgid, raw_params = data["domain"], data["msgid"], data.get("params", {})
        except (KeyError, TypeError) as exc:
            raise ValueError("a message needs 'domain' and 'msgid'") from exc
        if not isinstance(domain, str) or not isinstance(msgid, str) or not isinstance(raw_params, dict):
            raise ValueError("a message has a string 'domain', a string 'msgid' and an object 'params'")
        params: list[tuple[str, Param]] = []
        for name, value in raw_params.items():
            if isinstance(value, dict) and "msg" in value:
                params.append((name, cls.from_json(value["msg"])))
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                params.append((name, value))
            else:
                raise ValueError(f"message parameter {name!r} has an unsupported type")
        return cls(domain, msgid, tuple(params))


def _weight(value: Param) -> int:
    if isinstance(value, Msg):
        return len(value.msgid) + value._weight()
    if isinstance(value, Private):
        return max(len(value.value), len(value.masked))
    return len(str(value))


def _render_param(value: Param, lang: str, redact: bool) -> str | int | float:
    if isinstance(value, Msg):
        return value.render(lang, redact=redact)
    if isinstance(value, Private):
        return value.masked if redact else value.value
    return value


class Translator:
    """Creates `Msg` objects of one gettext domain; bind it to `_` in a module."""

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def __call__(self, msgid: str, /, **params: Param) -> Msg:
        return Msg(self.domain, msgid, tuple(sorted(params.items())))


def translator(domain: str, localedir: str | os.PathLike[str] | None = None) -> Translator:
    """The translator of `domain`; `localedir` is where its catalogs are (default: the built-in)."""
    _localedirs[domain] = Path(localedir) if localedir is not None else BUILTIN_LOCALEDIR
    return Translator(domain)


def localedir_of(domain: str) -> Path:
    """Where the catalogs of `domain` live."""
    return _localedirs.get(domain, BUILTIN_LOCALEDIR)


@cache
def gettext_for(domain: str, lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `domain` in `lang`; the source text when there is none."""
    if not _DOMAIN.fullmatch(domain) or lang not in LANGUAGES:
        # A saved report names its domains: never a path to some other file.
        return gettext.NullTranslations()
    if lang == SOURCE_LANGUAGE and localedir_of(domain) == BUILTIN_LOCALEDIR:
        # kakaoaudit's English catalogs translate nothing (the source is English, and
        # tests/test_catalogs.py keeps every msgstr empty): the source text and English plurals are
        # what NullTranslations gives, without reading the file and compiling its plural rule
        # (~0.25 ms for each of the ~20 domains of a run). A plugin's catalogs are always read.
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir_of(domain), languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    """Make `lang` the language `Msg.render()` uses when none is given."""
    global _current_language  # noqa: PLW0603 - the process-wide UI language, set once by the CLI
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current_language = lang


def current_language() -> str:
    """The language set by `set_language` (English until then)."""
    return _current_language


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """`KAKAOAUDIT_LANG`, else the locale: Japanese for `ja_*`, Korean for `ko_*` where supported,
    else English."""
    env = os.environ if environ is None else environ
    wanted = env.get("KAKAOAUDIT_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return _language_of_locale(value)
    if environ is None:
        import locale  # noqa: PLC0415 - only when no variable names the language

        try:
            system = locale.getlocale()[0] or ""
        except ValueError:
            system = ""
        return _language_of_locale(system)
    return SOURCE_LANGUAGE


def _language_of_locale(value: str) -> str:
    # "ja_JP.UTF-8", "ja-JP", "Japanese_Japan.932" (Windows), "ko_KR:en" (LANGUAGE lists)
    code = re.split(r"[:._@-]", value, maxsplit=1)[0].lower()
    code = {"japanese": "ja", "korean": "ko"}.get(code, code)
    return code if code in LANGUAGES else SOURCE_LANGUAGE
