"""Import cost: kakaoaudit.contacts must not load phonenumbers.geocoder/carrier (~110 MB),
email_validator or dnspython; countries and timezones must not load babel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEAVY = [
    "phonenumbers.geocoder",
    "phonenumbers.carrier",
    "phonenumbers.timezone",
    "email_validator",
    "dns",
    "babel",
]

PROBE = """
import json, sys
{code}
roots = ('phonenumbers', 'email_validator', 'dns', 'babel')
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in roots)))
"""


def _modules_after(code: str) -> set[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
        cwd=str(ROOT),
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import kakaoaudit.contacts.phone_email",
        "import kakaoaudit.contacts.phone_email as c; c.parse_phone('090-1234-5678'); c.mask_phone('+82 10-1234-5678')",
        "import kakaoaudit.core.countries as c; c.lookup('Japan'); c.all_countries()",
        "import datetime, kakaoaudit.core.timezones as t; t.offset_to_kst('UTC', datetime.date(2025, 1, 1))",
    ],
)
def test_no_heavy_imports(code: str) -> None:
    loaded = _modules_after(code)
    for heavy in HEAVY:
        assert not any(m == heavy or m.startswith(heavy + ".") for m in loaded), (heavy, sorted(loaded))


def test_parse_email_loads_email_validator_but_not_dns() -> None:
    loaded = _modules_after("import kakaoaudit.contacts.phone_email as c; c.parse_email('taro@例え.jp')")
    assert "email_validator" in loaded
    assert not any(m == "dns" or m.startswith("dns.") for m in loaded)
    assert "phonenumbers.geocoder" not in loaded
