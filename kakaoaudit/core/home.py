"""kakaoaudit's own folder, where the person's answers, the history and the HTML copies are kept.

``KAKAOAUDIT_HOME`` when it is set and not empty, else the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming kakaoaudit's folder.
HOME_ENV = "KAKAOAUDIT_HOME"


def data_dir() -> Path:
    """kakaoaudit's folder (it need not exist yet)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser()
    import platformdirs  # noqa: PLC0415 - only when a command reads or keeps something there

    return Path(platformdirs.user_data_dir("kakaoaudit", appauthor=False))
