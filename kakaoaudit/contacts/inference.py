"""What the answers say without being asked: the home country from the registered phone number.

A number written with its country code (+81 90-1234-5678) names its country. A number written as it
is dialled at home (090-1234-5678) is read in the country of the person's language (Japanese: Japan,
Korean: South Korea) when it is a valid number there; otherwise nothing is inferred and the question
is asked. The phone number itself stays a text answer: this only spares a question.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any, Final

PHONE: Final = "contacts.phone"
#: The country whose numbers a person writing in this language most likely dials at home.
LANGUAGE_REGIONS: Final = {"ja": "JP", "ko": "KR"}


def infer_home_country(answers: Mapping[str, Any], lang: str) -> str | None:
    """The home country's code from ``contacts.phone``, or None when the number does not tell."""
    text = answers.get(PHONE)
    if not isinstance(text, str) or not text.strip():
        return None
    from kakaoaudit.contacts.phone_email import parse_phone  # noqa: PLC0415 - phonenumbers only when needed

    written = unicodedata.normalize("NFKC", text).strip()
    if written.startswith("+"):
        info = parse_phone(written, "ZZ")
        return info.region if info.valid and info.region not in (None, "ZZ", "001") else None
    region = LANGUAGE_REGIONS.get(lang)
    if region is not None and parse_phone(written, region).valid:
        return region
    return None
