"""A third-party check: the phone's screen lock."""

from __future__ import annotations

from collections.abc import Iterable

from kakaoaudit.api import Category, Check, Context, Finding, QType, Question, Severity, Status, translator

_ = translator("kakaoaudit_test_plugin")


class ScreenLock(Check):
    """The phone that receives Kakao's codes is locked."""

    id = "TST101"
    title = _("Screen lock on the phone")
    category = Category.SECURITY
    weight = 5
    questions = (Question("tst.device_locked", QType.BOOL, _("Does your phone have a screen lock?")),)

    def run(self, ctx: Context) -> Iterable[Finding]:
        if ctx.answers.get_bool("tst.device_locked"):
            yield self.finding(Status.PASS, _("The phone has a screen lock"), code="on")
        else:
            yield self.finding(Status.FAIL, _("The phone has no screen lock"), code="off", severity=Severity.HIGH,
                               advice=[_("Set a screen lock with a PIN or biometrics.")])


class Impostor(ScreenLock):
    id = "KA401"
