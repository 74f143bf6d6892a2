"""EXM101: the phone that receives Kakao's codes is locked and up to date."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kakaoaudit.api import Category, Check, Choice, Context, Finding, QType, Question, Severity, Status, translator

# A plugin brings its own catalogs: pass its locale folder to the translator.
_ = translator("kakaoaudit_example_plugin", localedir=Path(__file__).parent / "locale")

SCREEN_LOCK = "device.screen_lock"
OS_UPDATES = "device.os_updates"

# Manufacturers' own guidance, cited in the findings.
APPLE_UPDATES = "https://support.apple.com/en-us/118575"
ANDROID_UPDATES = "https://support.google.com/android/answer/7680439"


class PhoneSecurity(Check):
    """The phone that receives Kakao's verification codes has a screen lock and current updates.

    Whoever holds an unlocked phone can read the verification codes Kakao sends to it and open
    KakaoTalk; an outdated system has known holes that malware uses. Questions: the kind of screen
    lock (`device.screen_lock`) and whether system updates are installed (`device.os_updates`).
    """

    id = "EXM101"
    title = _("The phone's screen lock and updates")
    category = Category.SECURITY
    weight = 5
    why = _("Verification codes arrive on your phone: anyone holding it unlocked can use them.")
    references = (APPLE_UPDATES, ANDROID_UPDATES)
    questions = (
        Question(
            SCREEN_LOCK,
            QType.CHOICE,
            _("How is your phone locked?"),
            help=_("Look in the phone's settings under security or Face ID / fingerprint."),
            choices=(
                Choice("biometric", _("Face or fingerprint, with a PIN or password")),
                Choice("pin", _("A PIN or password")),
                Choice("pattern", _("A pattern")),
                Choice("none", _("No lock, or swipe only")),
            ),
            allow_unknown=True,
        ),
        Question(
            OS_UPDATES,
            QType.BOOL,
            _("Are the phone's system updates installed (no pending update)?"),
            allow_unknown=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        yield self._lock(ctx.answers.get_text(SCREEN_LOCK), ctx.answers.is_unknown(SCREEN_LOCK))
        yield self._updates(ctx.answers.get_bool(OS_UPDATES))

    def _lock(self, lock: str | None, unknown: bool) -> Finding:
        if unknown or lock is None:
            return self.finding(Status.UNKNOWN, _("You are not sure how your phone is locked"), code="lock-unknown",
                                advice=[_("Look it up in the phone's security settings.")])
        if lock == "none":
            return self.finding(
                Status.FAIL, _("Your phone has no screen lock"), code="lock-none", severity=Severity.HIGH,
                detail=_("Anyone who picks it up can read your verification codes and open KakaoTalk."),
                advice=[_("Set a PIN of at least 6 digits, then add face or fingerprint unlock if you like.")],
            )
        if lock == "pattern":
            return self.finding(
                Status.WARN, _("Your phone is locked with a pattern"), code="lock-pattern", severity=Severity.LOW,
                detail=_("Patterns are easy to watch over your shoulder and leave traces on the screen."),
                advice=[_("Switch to a PIN of at least 6 digits.")],
            )
        return self.finding(Status.PASS, _("Your phone has a screen lock"), code="lock-ok")

    def _updates(self, installed: bool | None) -> Finding:
        if installed is None:
            return self.finding(Status.UNKNOWN, _("You are not sure whether updates are installed"),
                                code="updates-unknown",
                                advice=[_("Open the phone's settings and look for a system update.")])
        if not installed:
            return self.finding(
                Status.FAIL, _("System updates are waiting"), code="updates-pending", severity=Severity.MEDIUM,
                detail=_("Updates close security holes that malicious apps use to read messages."),
                advice=[_("Install the waiting update tonight, while the phone charges.")],
            )
        return self.finding(Status.PASS, _("System updates are installed"), code="updates-ok")
