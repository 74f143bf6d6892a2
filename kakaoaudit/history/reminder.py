"""The reminder cadence's defaults, apart so that `kakaoaudit history --help` stays light."""

from typing import Final

#: Days between audits before kakaoaudit reminds you (``[settings] reminder_days``).
DEFAULT_REMINDER_DAYS: Final = 90
#: The accepted range of ``reminder_days``.
REMINDER_RANGE: Final = (1, 730)
