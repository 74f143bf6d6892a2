"""OfflineDataset: the downloader's single sorted file (binary search) and its directory form."""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.breach.offline import OfflineDataset
from kakaoaudit.breach.ranges import BreachLookupError
from kakaoaudit.core.secret import Secret

MAX_READ = 64 * 1024


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


def counted(dataset: OfflineDataset, password: str) -> tuple[int, int]:
    """(count, bytes read by this one lookup)."""
    before = dataset.bytes_read
    found = dataset.count(Secret(password))
    return found, dataset.bytes_read - before


def dataset_error(path: Path | str, password: str | None,
                  assert_no_leak: Callable[[BaseException, str], None]) -> BreachLookupError:
    """The BreachLookupError raised by opening `path` (password None) or by one lookup."""
    with pytest.raises(BreachLookupError) as caught:
        dataset = OfflineDataset(path)
        if password is not None:
            dataset.count(Secret(password))
    assert caught.value.kind == "dataset"
    if password is not None:
        assert_no_leak(caught.value, password)
    return caught.value


# --------------------------------------------------------------------------- the big file


def test_big_file_hits_misses_and_read_sizes(big_dataset: Any) -> None:
    dataset = OfflineDataset(big_dataset.lf_path)
    rng = random.Random(11)
    sizes = []
    for i in rng.sample(range(1_000_000), 300):
        found, read = counted(dataset, str(i))
        assert found == i + 1
        sizes.append(read)
    for _ in range(300):
        found, read = counted(dataset, f"not-in-the-file-{rng.getrandbits(64)}")
        assert found == 0
        sizes.append(read)
    for password, count in big_dataset.canaries.items():
        assert counted(dataset, password)[0] == count
    assert max(sizes) < MAX_READ
    assert sum(sizes) / len(sizes) < 16 * 1024  # in practice ~6 KiB: ~20 probes + one 4 KiB window


@pytest.mark.parametrize("which", ["lf_path", "crlf_path"])
def test_big_file_first_and_last_line(big_dataset: Any, which: str) -> None:
    dataset = OfflineDataset(getattr(big_dataset, which))
    first, last = big_dataset.first_password, big_dataset.last_password
    for password in (first, last):
        found, read = counted(dataset, password)
        expected = big_dataset.canaries.get(password, int(password) + 1 if password.isdigit() else -1)
        assert found == expected
        assert read < MAX_READ


def test_big_crlf_file_without_final_newline(big_dataset: Any) -> None:
    assert not big_dataset.crlf_path.read_bytes()[-2:].endswith(b"\n")
    dataset = OfflineDataset(big_dataset.crlf_path)
    rng = random.Random(5)
    for i in rng.sample(range(1_000_000), 100):
        assert dataset.count(Secret(str(i))) == i + 1
    for _ in range(100):
        assert dataset.count(Secret(f"absent-{rng.getrandbits(64)}")) == 0


# --------------------------------------------------------------------------- small files, edge cases


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("ascii") if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_small_file_every_line(tmp_path: Path, small_lines: list[str], newline: str, final_newline: bool) -> None:
    path = write(tmp_path / "p.txt", newline.join(small_lines) + (newline if final_newline else ""))
    dataset = OfflineDataset(path)
    by_hash = {line[:40]: int(line[41:]) for line in small_lines}
    for i in range(0, 3000, 7):
        assert dataset.count(Secret(f"small-{i}")) == i + 1
    for line in (small_lines[0], small_lines[1], small_lines[-2], small_lines[-1]):
        i = by_hash[line[:40]] - 1
        assert dataset.count(Secret(f"small-{i}")) == i + 1
    assert dataset.count(Secret("small-absent")) == 0


@pytest.mark.parametrize("final_newline", [True, False])
def test_keys_before_the_first_and_after_the_last_line(tmp_path: Path, small_lines: list[str],
                                                       final_newline: bool) -> None:
    # The file leaves out the 3 lowest and 3 highest hashes: their passwords sort outside it.
    kept = small_lines[3:-3]
    dataset = OfflineDataset(write(tmp_path / "p.txt", "\n".join(kept) + ("\n" if final_newline else "")))
    for line in small_lines[:3] + small_lines[-3:]:
        assert dataset.count(Secret(f"small-{int(line[41:]) - 1}")) == 0
    for line in (kept[0], kept[-1]):
        assert dataset.count(Secret(f"small-{int(line[41:]) - 1}")) == int(line[41:])


def test_bom_blank_lines_and_lower_case(tmp_path: Path, small_lines: list[str]) -> None:
    text = "\ufeff" + "\n".join(line.lower() for line in small_lines[:1500]) + "\n\n" + \
        "\n".join(small_lines[1500:]) + "\n\n\n"
    dataset = OfflineDataset(write(tmp_path / "p.txt", text.encode("utf-8")))
    by_hash = {line[:40]: int(line[41:]) for line in small_lines}
    for line in small_lines[:3] + small_lines[1498:1502] + small_lines[-3:]:
        i = by_hash[line[:40]] - 1
        assert dataset.count(Secret(f"small-{i}")) == i + 1


def test_truncated_last_line(tmp_path: Path, small_lines: list[str],
                             assert_no_leak: Callable[[BaseException, str], None]) -> None:
    # A download cut in the middle of the last line: early lines still answer, a lookup that
    # reaches the cut line is an error, never "not found".
    text = "\n".join(small_lines) + "\nFFFFFFFFFFFFFFFF12"
    path = write(tmp_path / "p.txt", text)
    dataset = OfflineDataset(path)
    first_i = int(small_lines[0][41:]) - 1
    assert dataset.count(Secret(f"small-{first_i}")) == first_i + 1
    rng = random.Random(4)
    high = next(w for w in (f"h-{rng.getrandbits(64)}" for _ in range(10**6)) if sha1_hex(w) > small_lines[-1])
    error = dataset_error(path, high, assert_no_leak)
    assert "not HASH40:COUNT" in error.detail


def test_shuffled_file_is_reported_as_not_sorted(tmp_path: Path, small_lines: list[str],
                                                 assert_no_leak: Callable[[BaseException, str], None]) -> None:
    lines = small_lines[:]
    random.Random(3).shuffle(lines)
    path = write(tmp_path / "p.txt", "\n".join(lines) + "\n")
    for i in range(0, 3000, 150):
        error = dataset_error(path, f"small-{i}", assert_no_leak)
        assert "not sorted" in error.detail


def test_two_swapped_lines_in_a_small_file(tmp_path: Path, small_lines: list[str],
                                           assert_no_leak: Callable[[BaseException, str], None]) -> None:
    lines = small_lines[:60]  # under one 4 KiB window: every lookup checks every line
    lines[20], lines[21] = lines[21], lines[20]
    path = write(tmp_path / "p.txt", "\n".join(lines) + "\n")
    for line in (lines[0], lines[20], lines[-1]):
        error = dataset_error(path, f"small-{int(line[41:]) - 1}", assert_no_leak)
        assert "not sorted" in error.detail


@pytest.mark.parametrize(
    "bad_line", ["garbage", "ABCDEF:12", "Z" * 40 + ":1", "A" * 40 + ":x", "A" * 40, "A" * 5000],
)
def test_malformed_line_is_a_dataset_error(tmp_path: Path, small_lines: list[str], bad_line: str,
                                           assert_no_leak: Callable[[BaseException, str], None]) -> None:
    lines = small_lines[:60]
    bad = [*lines[:30], bad_line, *lines[30:]]
    path = write(tmp_path / "p.txt", "\n".join(bad) + "\n")
    error = dataset_error(path, f"small-{int(lines[29][41:]) - 1}", assert_no_leak)
    assert "not HASH40:COUNT" in error.detail


def test_ntlm_file_is_refused(tmp_path: Path) -> None:
    ntlm = "\r\n".join(f"{hashlib.md5(str(i).encode()).hexdigest().upper()}:{i + 1}" for i in range(50))
    error = dataset_error(write(tmp_path / "pwnedpasswords_ntlm.txt", ntlm), None, lambda *_: None)
    assert "NTLM" in error.detail and "not SHA-1" in error.detail


@pytest.mark.parametrize("content", [b"", b"hello world\n", b"<html></html>"])
def test_unusable_file_is_refused_at_construction(tmp_path: Path, content: bytes) -> None:
    dataset_error(write(tmp_path / "p.txt", content), None, lambda *_: None)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    error = dataset_error(tmp_path / "nope.txt", None, lambda *_: None)
    assert "does not exist" in error.detail


@pytest.mark.skipif(os.name != "posix", reason="needs a character device")
def test_device_is_refused() -> None:
    error = dataset_error(os.devnull, None, lambda *_: None)
    assert "neither a file nor a directory" in error.detail


# --------------------------------------------------------------------------- the directory form


def range_file(passwords: dict[str, int], prefix: str, padding: int = 30) -> bytes:
    rng = random.Random(prefix)
    lines = {f"{rng.getrandbits(140):035X}": rng.choice([0, 1, 2]) for _ in range(padding)}
    for password, count in passwords.items():
        assert sha1_hex(password)[:5] == prefix
        lines[sha1_hex(password)[5:]] = count
    return "\r\n".join(f"{suffix}:{count}" for suffix, count in sorted(lines.items())).encode("ascii")


@pytest.fixture
def range_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "ranges"
    directory.mkdir()
    for password, count in {"password": 9_659_365, "hunter2": 17_000}.items():
        prefix = sha1_hex(password)[:5]
        (directory / f"{prefix}.txt").write_bytes(range_file({password: count}, prefix))
    prefix = sha1_hex("lower-name")[:5]
    (directory / f"{prefix.lower()}.txt").write_bytes(range_file({"lower-name": 3}, prefix))
    # a range file that exists, for a password that is not in it
    prefix = sha1_hex("not-here")[:5]
    (directory / f"{prefix}.txt").write_bytes(range_file({}, prefix))
    return directory


def test_directory_lookups(range_dir: Path) -> None:
    dataset = OfflineDataset(range_dir)
    assert dataset.count(Secret("password")) == 9_659_365
    assert dataset.count(Secret("hunter2")) == 17_000
    assert dataset.count(Secret("lower-name")) == 3
    assert dataset.count(Secret("not-here")) == 0
    assert 0 < dataset.bytes_read < 4 * MAX_READ


def test_directory_missing_prefix_is_an_error_not_not_found(
    range_dir: Path, assert_no_leak: Callable[[BaseException, str], None]
) -> None:
    error = dataset_error(range_dir, "no file for this prefix", assert_no_leak)
    assert "incomplete download" in error.detail
    assert sha1_hex("no file for this prefix")[:5] in error.detail  # the prefix may be named


@pytest.mark.parametrize("content", [b"", b"\r\n", b"<html>", b"ABC:1"])
def test_directory_bad_range_file(range_dir: Path, content: bytes,
                                  assert_no_leak: Callable[[BaseException, str], None]) -> None:
    (range_dir / f"{sha1_hex('broken')[:5]}.txt").write_bytes(content)
    dataset_error(range_dir, "broken", assert_no_leak)


def test_ntlm_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "00000.txt").write_bytes(b"\r\n".join(b"%027X:%d" % (i, i + 1) for i in range(10)))
    error = dataset_error(tmp_path, None, lambda *_: None)
    assert "NTLM" in error.detail


def test_directory_without_range_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("hello")
    error = dataset_error(tmp_path, None, lambda *_: None)
    assert "no PREFIX.txt" in error.detail
