"""`Secret`: a wrapper that keeps the password out of reprs, logs, tracebacks and pickles."""

from __future__ import annotations

from typing import Final, NoReturn

_MASK = "********"
#: What stands in a text for the password, or for its SHA-1 hash or a part of it, once removed.
REMOVED = "[password removed]"
HASH_REMOVED = "[hash removed]"


class Secret:
    """Holds a secret string (the password); only `reveal()` gives the value back.

    `str()`, `repr()`, `format()` and f-strings show a fixed mask, so a secret that ends up in a
    log line, an exception message or a report never shows its value or even its length.
    Pickling and copying to other processes is refused.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret holds a str")
        self._value: str | None = value

    def reveal(self) -> str:
        """The secret value; raises `ValueError` once `clear()` has been called."""
        if self._value is None:
            raise ValueError("the secret was cleared after use")
        return self._value

    def is_empty(self) -> bool:
        """True for an empty secret (an empty password is its own finding)."""
        return self.reveal() == ""

    def clear(self) -> None:
        """Drop the reference to the value (Python cannot wipe the string's memory itself)."""
        self._value = None

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return _MASK

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled or copied out of the process")

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


#: The password the demo checks. Clearly a sample: a flower and the demo profile's birth year, so
#: that the demo shows the personal-context effect (KA101) and a breach hit (KA201).
DEMO_PASSWORD: Final = "sakura1990"  # noqa: S105 - the demo's published sample, not a secret


class SamplePassword(Secret):
    """The demo's sample password: a `Secret` like any other, marked so reports can say so."""

    __slots__ = ()


def scrub(text: str, secret: Secret | None) -> str:
    """`text` (a traceback, a log line) without the secret's value nor its SHA-1 hash, prefix or suffix.

    Each is removed as written and in the forms a traceback or a log shows a string (`repr`, `ascii`,
    JSON escapes), the hash in upper or lower case hex. An empty or cleared secret leaves `text` as it is.
    """
    if secret is None:
        return text
    try:
        value = secret.reveal()
    except ValueError:
        return text
    if not value:
        return text
    import hashlib  # noqa: PLC0415 - only when a traceback is shown
    import json  # noqa: PLC0415

    digest = hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()  # noqa: S324 - the range API's hash
    forms = {value, repr(value)[1:-1], ascii(value)[1:-1], value.encode("unicode_escape").decode("ascii"),
             json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}
    for form in sorted(forms, key=len, reverse=True):
        if form:
            text = text.replace(form, REMOVED)
    for part in (digest, digest[5:], digest[:5]):
        for spelling in (part.upper(), part.lower()):
            text = text.replace(spelling, HASH_REMOVED)
    return text
