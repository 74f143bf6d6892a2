"""Only whole audits enter the history: a travel run scores the trip, not the account."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values


def test_travel_run_leaves_the_history_alone(cli: Callable[..., Any], tmp_path: Path) -> None:
    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    depart = date.today() + timedelta(days=10)
    result = cli("travel", "--answers", str(sample), "--to", "TW", "--depart", depart.isoformat(),
                 "--return", (depart + timedelta(days=7)).isoformat(), "--no-input")
    assert result.exit_code == 0, result.stderr
    home = Path(os.environ["KAKAOAUDIT_HOME"])
    assert not (home / "history.sqlite3").exists()
    assert "last audit" not in result.stderr.lower()
