"""Where to look up an answer the person did not know: the texts `Question.lookup` points to.

Each place says only what a source says (KAKAO-FACTS.md): the menu paths of K18 come from blogs,
so they are claims of `kakaoaudit.core.claims` (hedged: "reportedly"); the article gives only the
gear icon to the customer centre. Where no
source gives a path, the place is "the Kakao Account settings", never an invented menu. Places
outside KakaoTalk (the phone's messaging app, the mobile carrier, the VPN app) name only that
app or company.

The report turns the "don't know" answers into a to-do list ("look these up in the app"), each
with its place (`kakaoaudit.core.model.LookUp`).
"""

from __future__ import annotations

from kakaoaudit.core import claims
from kakaoaudit.core.i18n import translator

_ = translator(__name__)

#: K18 (blog only): 2-step verification.
TWO_STEP = claims.TWO_STEP_PATH.text
#: K18 (blog only): login restriction by country, in the app and on the web.
COUNTRY_RESTRICTION = claims.COUNTRY_PATH.text
#: K18 (blog only): login history and logged-in devices. For "when did you last look": look now.
LOGIN_MANAGEMENT = _("{where} Look now: then the answer is today.", where=claims.LOGINS_PATH.text)
#: No source gives the path: the Kakao Account settings.
ACCOUNT_SETTINGS = _("In your Kakao Account settings (in KakaoTalk's settings); no source gives the exact menu, and "
                     "menus change between app versions.")
#: No source gives the path; for "when did you last check": check now.
ACCOUNT_SETTINGS_NOW = _("Open your Kakao Account settings (in KakaoTalk's settings) and check them now: then the "
                         "answer is today. No source gives the exact menu.")
#: No source gives the path of the chat backup screen.
CHAT_BACKUP = _("Look for chat backup in KakaoTalk's settings; no source gives the exact menu, and menus change "
                "between app versions.")
#: K8: the filter is on the phone, not in KakaoTalk.
PHONE_FILTER = _("In your phone's messaging app: its blocked numbers and spam filter settings.")
#: Roaming and the SIM are the mobile carrier's.
CARRIER = _("Ask your mobile carrier, or look at your plan's roaming options on its website or app.")
#: The VPN's server country is chosen in the VPN app.
VPN_APP = _("In your VPN app: the location (server country) it connects to.")
