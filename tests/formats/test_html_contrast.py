"""The HTML report's colour pairs meet WCAG 2.1 AA contrast (4.5:1 text, 3:1 graphics)."""

from __future__ import annotations

import re

import pytest

from kakaoaudit.formats.html import PALETTE, stylesheet


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of #rrggbb."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic "just fails AA"
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(PALETTE))
def test_every_pair_meets_its_minimum(name: str) -> None:
    foreground, background, minimum = PALETTE[name]
    assert minimum >= 3.0
    assert contrast(foreground, background) >= minimum, (name, round(contrast(foreground, background), 2))


def test_status_and_text_pairs_are_held_to_the_text_minimum() -> None:
    for name in ("body", "muted", "link", "pass", "warn", "fail", "unknown", "skipped", "error", "note", "unmasked"):
        assert PALETTE[name][2] >= 4.5, name


def test_the_stylesheet_uses_only_tested_text_colours() -> None:
    css = stylesheet()
    tested = {colour.lower() for pair in PALETTE.values() for colour in pair[:2]}
    # Text colours ("color:") must come from the palette; borders and the bars' track are decorative.
    used = {match.lower() for match in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", css)}
    assert used and used <= tested, used - tested
