"""The HTML report in a real headless Chromium: it renders, the score and every finding are in the
DOM, nothing runs, the screenshot is not blank; the score, its coverage and the top three actions
are above the fold at 1280x800 and 390x844, the category table reflows on a phone, and the demo
prints on at most six A4 pages (element positions and the PDF's pages, measured). `.ci/run` installs
Debian's chromium; in CI a missing browser fails the test, elsewhere it is skipped with the reason."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------- layout, measured in Chromium
# The report is laid out in an <iframe srcdoc> of exactly the viewport's size (a headless window has a
# minimum width and its own chrome; an iframe's viewport is exact), with a small probe script added to
# the test's copy that writes element positions into the outer page; --dump-dom returns them. The
# report itself never contains a script. Phones have overlay scrollbars: the phone copy hides them.

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
PROBE = """<script>
(function () {
  function box(e) { if (!e) return null; var r = e.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height}; }
  function all(s) { return [].slice.call(document.querySelectorAll(s)); }
  var out = {vw: innerWidth, vh: innerHeight, scrollWidth: document.documentElement.scrollWidth,
    score: box(document.querySelector('.score-text')), coverage: box(document.querySelector('.coverage')),
    gauge: box(document.querySelector('.gauge')), actions: box(document.querySelector('ol.top-actions')),
    items: all('ol.top-actions > li').map(box),
    rows: all('table.categories th[scope=row]').map(function (e) { var b = box(e);
      b.text = e.textContent; b.lineHeight = parseFloat(getComputedStyle(e).lineHeight); return b; })};
  var pre = parent.document.createElement('pre'); pre.id = 'probe-' + window.name;
  pre.textContent = JSON.stringify(out); parent.document.body.appendChild(pre);
})();
</script>"""


def measure(chromium: Callable[..., subprocess.CompletedProcess[bytes]], tmp_path: Path, page: str,
            sizes: dict[str, tuple[int, int]]) -> dict[str, dict[str, Any]]:
    """Element positions of the report `page` laid out at each of `sizes`, by name."""
    from html import escape

    frames = []
    for name, (width, height) in sizes.items():
        document = page.replace("</body>", PROBE + "</body>")
        if width < 600:
            document = document.replace("</head>", "<style>html { scrollbar-width: none; }</style></head>")
        frames.append(f'<iframe name="{name}" width="{width}" height="{height}" style="border:0;display:block" '
                      f'srcdoc="{escape(document, quote=True)}"></iframe>')
    outer = tmp_path / "outer.html"
    outer.write_text("<!DOCTYPE html><html><body style='margin:0'>" + "".join(frames) + "</body></html>",
                     encoding="utf-8")
    dumped = chromium("--window-size=1400,1000", "--dump-dom", outer.resolve().as_uri())
    assert dumped.returncode == 0, dumped.stderr.decode(errors="replace")[-2000:]
    dom = dumped.stdout.decode("utf-8")
    found = {}
    for name in sizes:
        match = re.search(rf'<pre id="probe-{name}">(.*?)</pre>', dom)
        assert match is not None, f"the probe did not run at {name}"
        found[name] = json.loads(unescape(match.group(1)))
    return found


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF as Chromium writes it (page objects uncompressed), checked twice: the
    page objects counted, and the page tree's /Count."""
    assert data.startswith(b"%PDF-"), "not a PDF"
    objects = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.DOTALL)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data, re.DOTALL)]
    assert objects >= 1 and counts and objects == max(counts), (objects, counts)
    return objects


def test_pdf_page_counter_on_a_known_document() -> None:
    one = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
           b"2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n"
           b"3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n4 0 obj <</Type /Page /Parent 2 0 R>> endobj\n%%EOF")
    assert pdf_pages(one) == 2
    with pytest.raises(AssertionError):
        pdf_pages(one.replace(b"/Count 2", b"/Count 3"))


@pytest.fixture(scope="module")
def demo_pages() -> dict[str, str]:
    """The demo's HTML report in each language (made once: the demo runs in-process)."""
    from kakaoaudit.cli import main
    from kakaoaudit.core.i18n import set_language
    from kakaoaudit.formats.json_report import from_dict

    pages = {}
    for lang in ("ja", "en", "ko"):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["demo", "--format", "json", "--lang", lang]) in (0, 1)
        set_language("en")
        pages[lang] = render(from_dict(json.loads(buffer.getvalue())), "html", lang=lang)
    return pages


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_score_coverage_and_top_three_are_above_the_fold(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], demo_pages: dict[str, str], tmp_path: Path,
    lang: str,
) -> None:
    found = measure(chromium, tmp_path, demo_pages[lang], VIEWPORTS)
    for name, (width, height) in VIEWPORTS.items():
        m = found[name]
        assert (m["vw"], m["vh"]) == (width, height), m
        assert m["scrollWidth"] <= width, (name, m["scrollWidth"])  # nothing scrolls sideways
        assert len(m["items"]) == 3
        for part in ("gauge", "score", "coverage", "actions"):
            assert m[part]["top"] >= 0 and m[part]["bottom"] <= height, (name, part, m[part])
            assert m[part]["right"] <= width, (name, part, m[part])
        assert all(item["bottom"] <= height for item in m["items"]), (name, m["items"])


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_the_category_table_reflows_on_a_phone(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], demo_pages: dict[str, str], tmp_path: Path,
    lang: str,
) -> None:
    phone = measure(chromium, tmp_path, demo_pages[lang], {"phone": VIEWPORTS["phone"]})["phone"]
    assert len(phone["rows"]) >= 5
    for row in phone["rows"]:
        # A category name is one line (two at most), never a column one character wide.
        assert row["height"] <= 2.2 * row["lineHeight"], row
        assert row["right"] <= phone["vw"], row


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_the_demo_prints_on_at_most_six_a4_pages(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], demo_pages: dict[str, str], tmp_path: Path,
    lang: str,
) -> None:
    page = tmp_path / "report.html"
    # A4 as a printer in Japan or Korea uses; the report itself leaves the paper to the printer settings.
    page.write_text(demo_pages[lang].replace("</head>", "<style>@page { size: A4; }</style></head>"),
                    encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    printed = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri())
    assert printed.returncode == 0 and pdf.exists(), printed.stderr.decode(errors="replace")[-2000:]
    data = pdf.read_bytes()
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+59[45]\.\d*\s+84[12]\.\d*\s*\]", data), "not A4"
    assert pdf_pages(data) <= 6


def test_the_family_summary_reads_on_a_phone(
    chromium: Callable[..., subprocess.CompletedProcess[bytes]], demo_pages: dict[str, str], tmp_path: Path,
) -> None:
    """`kakaoaudit summary --format html`: one card per person, nothing wider than a phone."""
    from datetime import date, timedelta
    from pathlib import Path as P

    from kakaoaudit.formats.summary import collect, render_html

    folder = tmp_path / "family"
    folder.mkdir()
    data = json.loads(render(_demo_report(), "json", lang="ja"))
    for n, label in enumerate(("母", "父", "祖母 (お父さんの方)", "叔父")):
        day = date.today() - timedelta(days=3 * n)
        (folder / f"{n}.json").write_text(json.dumps({**data, "label": label,
                                                      "generated_at": f"{day.isoformat()}T09:00:00Z"}),
                                          encoding="utf-8")
    page = render_html(collect([P(folder)], lang="ja"), lang="ja")
    assert "<table" not in page
    phone = measure(chromium, tmp_path, page, {"phone": VIEWPORTS["phone"]})["phone"]
    assert phone["scrollWidth"] <= phone["vw"] == 390


def _demo_report() -> Report:
    from kakaoaudit.cli import main
    from kakaoaudit.core.i18n import set_language
    from kakaoaudit.formats.json_report import from_dict

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["demo", "--format", "json"]) in (0, 1)
    set_language("en")
    return from_dict(json.loads(buffer.getvalue()))
