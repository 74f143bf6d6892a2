"""The independence statement every output carries (DESIGN.md)."""

from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit")

DISCLAIMER = _(
    "kakaoaudit is not affiliated with Kakao Corp. It never logs in to or contacts Kakao; only Kakao's "
    "official support can lift a restriction."
)
