"""The independence statement every output carries (DESIGN.md), with the one story of who lifts a restriction."""

from kakaoaudit.core import claims
from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit")

INDEPENDENT = _("kakaoaudit is not affiliated with Kakao Corp. It never logs in to or contacts Kakao, and it cannot "
                "lift a restriction.")

#: Not affiliated, never contacts Kakao, cannot lift a restriction; and who does (`claims.WHO_LIFTS`), true for the
#: short restrictions, Kakao's automatic protection measures and the long-term and policy restrictions alike.
DISCLAIMER = _("{independent} {who_lifts}", independent=INDEPENDENT, who_lifts=claims.WHO_LIFTS())
