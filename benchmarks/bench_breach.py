"""Benchmark of kakaoaudit.breach: the range client against a bare http.client GET, and the offline file.

Run from the repository root: ``python benchmarks/bench_breach.py [--lookups N]``.

1. Range API: a loopback HTTP server (in a separate process, so it does not share the GIL
   with the client being timed) serves a padded ~38 KB CRLF range body. N lookups with
   `RangeClient.count()` are interleaved with N bare http.client GETs of the same URL
   (``HTTPConnection(host, port).request("GET", path)``, ``getresponse().read()``): that floor,
   the library the client is built on with nothing around it, is measured in the same run.
   Target: median ratio <= 1.5. A bare ``urllib.request.urlopen`` is timed too, for reference.
2. Offline file: a 10,000,000-line sorted ``HASH40:COUNT`` file (built in a temporary
   directory, or reused / kept at the path in ``KAKAOAUDIT_BENCH_DATASET``), then 1,000
   random lookups. Targets: median < 2 ms, mean and max bytes read per lookup < 64 KiB.

Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import array
import hashlib
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kakaoaudit.breach.offline import OfflineDataset
from kakaoaudit.breach.online import RangeClient
from kakaoaudit.breach.ranges import _validate_range_body
from kakaoaudit.core.secret import Secret

RATIO_TARGET = 1.5
OFFLINE_MEDIAN_TARGET_MS = 2.0
BYTES_TARGET = 64 * 1024
DATASET_LINES = 10_000_000
DATASET_ENV = "KAKAOAUDIT_BENCH_DATASET"
CANARIES = {"password": 9_659_365, "123456": 209_972_844, "kakaotalk-bench": 7}


# --------------------------------------------------------------------------- range API


def _range_body(canary: str, count: int) -> bytes:
    """A realistic padded range body: ~950 sorted CRLF lines, some padding (count 0)."""
    rng = random.Random(1)
    digest = hashlib.sha1(canary.encode()).hexdigest().upper()
    lines = {f"{rng.getrandbits(140):035X}": rng.choice([0, 0, 1, 2, 3, 12, 450]) for _ in range(950)}
    lines[digest[5:]] = count
    return "\r\n".join(f"{suffix}:{n}" for suffix, n in sorted(lines.items())).encode("ascii")


def _serve(body: bytes, ready: Connection) -> None:
    """Minimal HTTP/1.1 server: one request per connection, a prebuilt answer."""
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode("ascii")
    answer = head + body
    with socket.create_server(("127.0.0.1", 0)) as server:
        ready.send(server.getsockname()[1])
        while True:
            conn, _ = server.accept()
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                if request:
                    conn.sendall(answer)


def bench_range(lookups: int, figures: dict[str, float]) -> bool:
    canary, expected = "password", CANARIES["password"]
    body = _range_body(canary, expected)
    receiver, sender = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(body, sender), daemon=True)
    server.start()
    try:
        port = receiver.recv()
        base = f"http://127.0.0.1:{port}"
        prefix = hashlib.sha1(canary.encode()).hexdigest().upper()[:5]
        url = f"{base}/range/{prefix}"
        client = RangeClient(base)
        secret = Secret(canary)
        assert client.count(secret) == expected

        def ours() -> None:
            client.count(secret)

        def transport() -> None:
            client.fetch_range(prefix)

        path = f"/range/{prefix}"

        def floor() -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            try:
                connection.request("GET", path)
                connection.getresponse().read()
            finally:
                connection.close()

        def urlopen() -> None:
            with urllib.request.urlopen(url) as response:
                response.read()

        runs: dict[str, list[float]] = {
            "RangeClient.count": [],
            "  .fetch_range only": [],
            "http.client (bare)": [],
            "urlopen (bare)": [],
        }
        functions = dict(zip(runs, (ours, transport, floor, urlopen), strict=True))
        for _ in range(20):  # warm-up
            for function in functions.values():
                function()
        for _ in range(lookups):  # interleaved, so drifts in machine load hit all three alike
            for name, function in functions.items():
                start = time.perf_counter()
                function()
                runs[name].append(time.perf_counter() - start)
    finally:
        server.kill()
        server.join()

    base_median = statistics.median(runs["http.client (bare)"])
    print(f"Range API on loopback: {lookups} lookups each, body {len(body):,} bytes")
    print(f"  {'method':<22} {'median ms':>10} {'p90 ms':>8} {'ratio':>6}")
    for name, times in runs.items():
        median = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"  {name:<22} {median * 1e3:>10.3f} {p90 * 1e3:>8.3f} {median / base_median:>6.2f}")
    # The body check alone (no network): what count() adds to fetch_range().
    validate = [_time_call(lambda: _validate_range_body(body)) for _ in range(lookups)]
    print(f"  {'  body check only':<22} {statistics.median(validate) * 1e3:>10.3f}")
    ratio = statistics.median(runs["RangeClient.count"]) / base_median
    figures.update(range_floor_ms=base_median * 1e3, range_urlopen_ms=statistics.median(runs["urlopen (bare)"]) * 1e3,
                   range_subject_ms=statistics.median(runs["RangeClient.count"]) * 1e3,
                   range_fetch_ms=statistics.median(runs["  .fetch_range only"]) * 1e3,
                   range_validate_ms=statistics.median(validate) * 1e3, range_body_bytes=len(body))
    ok = ratio <= RATIO_TARGET
    print(f"  ratio RangeClient / bare http.client = {ratio:.2f} (target <= {RATIO_TARGET}) "
          f"{'OK' if ok else 'MISSED'}")
    return ok


def _time_call(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


# --------------------------------------------------------------------------- offline file


_LINE_BYTES = 46  # 40 hex + ":" + 3 digits + CRLF
_DIGITS = bytes(48 + byte % 10 for byte in range(256))
_NONZERO_DIGITS = bytes(49 + byte % 9 for byte in range(256))


def _block(rng: random.Random, first: int, count: int, step: int) -> bytearray:
    """`count` fixed-width sorted lines built column by column with C-speed strided copies.

    Line i is `{i*step:08X}{32 random hex}:{3 digits}\r\n`: the prefix column makes the
    lines strictly increasing, so the file needs no sort.
    """
    prefixes = array.array("I", range(first * step, (first + count) * step, step))
    if sys.byteorder == "little":
        prefixes.byteswap()  # big-endian, so the hex reads as the number
    prefix_hex = prefixes.tobytes().hex().upper().encode("ascii")
    random_hex = rng.randbytes(16 * count).hex().upper().encode("ascii")
    digits = rng.randbytes(3 * count)
    out = bytearray(_LINE_BYTES * count)
    for column in range(8):
        out[column::_LINE_BYTES] = prefix_hex[column::8]
    for column in range(32):
        out[8 + column::_LINE_BYTES] = random_hex[column::32]
    out[40::_LINE_BYTES] = b":" * count
    out[41::_LINE_BYTES] = digits[0::3].translate(_NONZERO_DIGITS)
    out[42::_LINE_BYTES] = digits[1::3].translate(_DIGITS)
    out[43::_LINE_BYTES] = digits[2::3].translate(_DIGITS)
    out[44::_LINE_BYTES] = b"\r" * count
    out[45::_LINE_BYTES] = b"\n" * count
    return out


def build_dataset(path: Path, lines: int) -> None:
    """Write `lines` sorted, unique HASH40:COUNT lines (CRLF, as a Windows download) quickly.

    The canary passwords' real SHA-1 lines are merged in at their sorted places.
    """
    rng = random.Random(7)
    step = (1 << 32) // lines
    canaries = sorted(
        (hashlib.sha1(word.encode()).hexdigest().upper(), count) for word, count in CANARIES.items()
    )
    # Index of the first generated line whose prefix is >= each canary's (the line with an
    # equal prefix, if any, is compared in full once its block exists).
    places = [(min(-(-int(digest[:8], 16) // step), lines), digest, count) for digest, count in canaries]
    chunk = 1_000_000
    tmp = path.with_suffix(".partial")
    with open(tmp, "wb") as out:
        for first in range(0, lines, chunk):
            count = min(chunk, lines - first)
            last_block = first + count == lines
            block = _block(rng, first, count, step)
            position = 0
            for index, digest, seen in places:
                if not (first <= index < first + count or (index == lines and last_block)):
                    continue
                offset = (index - first) * _LINE_BYTES
                if index < lines and digest.encode() > bytes(block[offset:offset + 40]):
                    offset += _LINE_BYTES  # same 8-digit prefix, and the canary sorts after
                out.write(block[position:offset])
                out.write(f"{digest}:{seen}\r\n".encode("ascii"))
                position = offset
            out.write(block[position:])
    os.replace(tmp, path)


def bench_offline(figures: dict[str, float], lookups: int = 1000, lines: int = DATASET_LINES) -> bool:
    keep = os.environ.get(DATASET_ENV)
    with tempfile.TemporaryDirectory(prefix="kakaoaudit-bench-") as tmpdir:
        path = Path(keep) if keep else Path(tmpdir) / "pwnedpasswords.txt"
        if path.is_file():
            print(f"Offline data set: reusing {path} ({path.stat().st_size / 1e6:,.0f} MB)")
        else:
            start = time.perf_counter()
            path.parent.mkdir(parents=True, exist_ok=True)
            build_dataset(path, lines)
            print(
                f"Offline data set: built {lines:,} lines, {path.stat().st_size / 1e6:,.0f} MB "
                f"in {time.perf_counter() - start:.1f} s at {path}"
                + ("" if keep else " (temporary; set KAKAOAUDIT_BENCH_DATASET to keep it)")
            )
        dataset = OfflineDataset(path)
        for word, count in CANARIES.items():
            found = dataset.count(Secret(word))
            assert found == count, (word, found, count)
        rng = random.Random(3)
        words = [f"bench-{rng.getrandbits(64):x}" for _ in range(lookups - len(CANARIES))] + list(CANARIES)
        rng.shuffle(words)
        times: list[float] = []
        sizes: list[int] = []
        hits = 0
        for word in words:
            secret = Secret(word)
            before = dataset.bytes_read
            start = time.perf_counter()
            hits += dataset.count(secret) > 0
            times.append(time.perf_counter() - start)
            sizes.append(dataset.bytes_read - before)
        del dataset
    median_ms = statistics.median(times) * 1e3
    mean_bytes = statistics.mean(sizes)
    max_bytes = max(sizes)
    figures.update(offline_lines=lines, offline_median_ms=median_ms, offline_mean_bytes=mean_bytes,
                   offline_max_bytes=max_bytes)
    ok_time = median_ms < OFFLINE_MEDIAN_TARGET_MS
    ok_bytes = mean_bytes < BYTES_TARGET and max_bytes < BYTES_TARGET
    print(f"  {lookups} random lookups ({hits} hits): median {median_ms:.3f} ms, "
          f"p90 {statistics.quantiles(times, n=10)[-1] * 1e3:.3f} ms, max {max(times) * 1e3:.3f} ms "
          f"(target median < {OFFLINE_MEDIAN_TARGET_MS} ms) {'OK' if ok_time else 'MISSED'}")
    print(f"  bytes read per lookup: mean {mean_bytes:,.0f}, max {max_bytes:,} "
          f"(target < {BYTES_TARGET:,}) {'OK' if ok_bytes else 'MISSED'}")
    return ok_time and ok_bytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=300, help="range API lookups per method")
    parser.add_argument("--skip-offline", action="store_true", help="only the range API part")
    parser.add_argument("--skip-range", action="store_true", help="only the offline data set part")
    parser.add_argument("--lines", type=int, default=DATASET_LINES, help="lines of the offline data set")
    parser.add_argument("--offline-lookups", type=int, default=1000, help="offline lookups")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of figures (for run.py)")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    ok = True
    if not args.skip_range:
        ok = bench_range(args.lookups, figures)
    if not args.skip_offline:
        ok = bench_offline(figures, args.offline_lookups, args.lines) and ok
    print("all targets met" if ok else "a target was missed")
    if args.json:
        print(json.dumps(figures))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
