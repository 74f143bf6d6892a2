"""The HTML report in a real headless Chromium: it renders, the score and every finding are in the
DOM, nothing runs, and the screenshot is not blank. `.ci/run` installs Debian's chromium; in CI a
missing browser fails the test, elsewhere it is skipped with the reason."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from kakaoaudit.core.model import Report
from kakaoaudit.formats import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


@pytest.fixture
def chromium(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[bytes]]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium fonts-noto-cjk)")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk); CI installs it")

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        profile = tmp_path / "profile"
        env = {**os.environ, "HOME": str(tmp_path)}
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              timeout=120, env=env, check=False)

    return run


def png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows) of an 8-bit non-interlaced PNG, with the stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = depth = colour = interlace = -1
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _compression, _filter, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    assert depth == 8 and interlace == 0, (depth, interlace)
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        # One loop per filter type: the screenshot has 9.6 million bytes to unfilter.
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + previous[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                left, up = (line[i - bpp] if i >= bpp else 0), previous[i]
                corner = previous[i - bpp] if i >= bpp else 0
                guess = left + up - corner
                far_left, far_up, far_corner = abs(guess - left), abs(guess - up), abs(guess - corner)
                if far_left <= far_up and far_left <= far_corner:
                    line[i] = (line[i] + left) & 255
                elif far_up <= far_corner:
                    line[i] = (line[i] + up) & 255
                else:
                    line[i] = (line[i] + corner) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def test_png_decoder_on_a_known_image() -> None:
    # 2x1 RGB: a black and a white pixel, filter 1 (Sub) on the row.
    row = bytes([1, 0, 0, 0, 255, 255, 255])
    ihdr = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row)) + chunk(b"IEND", b"")
    assert png_pixels(png) == (2, 1, 3, [bytes([0, 0, 0, 255, 255, 255])])


@pytest.mark.parametrize(("kind", "lang"), [("mixed", "en"), ("all-pass", "ja"), ("mixed", "ko")])
def test_score_and_every_finding_are_in_the_dom(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], edge: Callable[[str], Report], tmp_path: Path,
    kind: str, lang: str,
) -> None:
    report = edge(kind)
    page = tmp_path / "report.html"
    page.write_text(render(report, "html", lang=lang), encoding="utf-8")
    dumped = chromium("--dump-dom", page.resolve().as_uri())
    assert dumped.returncode == 0, dumped.stderr.decode(errors="replace")[-2000:]
    dom = dumped.stdout.decode("utf-8")
    text = unescape(dom)
    assert f'lang="{lang}"' in dom
    assert "<script" not in dom.lower()  # the hostile label and title stayed text
    if report.score is not None:
        assert f"{report.score}/100" in text
    for finding in report.findings:
        assert finding.title.render(lang, redact=report.redacted) in text


def test_screenshot_is_not_blank(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], edge: Callable[[str], Report], tmp_path: Path,
) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(edge("mixed"), "html", lang="ja"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    taken = chromium(f"--screenshot={shot}", "--window-size=1200,2000", page.resolve().as_uri())
    assert taken.returncode == 0 and shot.exists(), taken.stderr.decode(errors="replace")[-2000:]
    width, height, bpp, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 2000)
    painted = sum(len(row) - row.count(255) for row in rows) / (width * height * bpp)
    assert 0.01 < painted < 0.9, painted  # text and graphics on a white page: neither blank nor a solid fill
    # The coloured status badges and the gauge are there: some pixels are strongly red/brown/green.
    coloured = sum(1 for row in rows[:1200] for i in range(0, len(row) - 2, bpp * 7)
                   if max(row[i:i + 3]) - min(row[i:i + 3]) > 80)
    assert coloured > 50, coloured
