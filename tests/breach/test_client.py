"""RangeClient against a real loopback HTTP server: requests, bodies, faults, and an oracle."""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import importlib
import re
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from kakaoaudit import __version__
from kakaoaudit.breach.online import RangeClient
from kakaoaudit.breach.ranges import BreachLookupError
from kakaoaudit.core.secret import Secret

PASSWORD = "correct horse battery staple"
FAST = {"connect_timeout": 0.5, "total_timeout": 1.0}


def lookup_error(client: RangeClient, password: str, assert_no_leak: Callable[[BaseException, str], None]
                 ) -> tuple[BreachLookupError, float]:
    """Run a lookup that must fail; check the error leaks nothing; return it and the time taken."""
    start = time.monotonic()
    with pytest.raises(BreachLookupError) as caught:
        client.count(Secret(password))
    elapsed = time.monotonic() - start
    assert_no_leak(caught.value, password)
    return caught.value, elapsed


class FakeSleep:
    """Records the waits asked for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


# --------------------------------------------------------------------------- what is sent


def test_request_sends_only_the_prefix(range_server: Any, reply: Any, make_body: Callable[..., bytes],
                                       forbidden: Callable[[str], list[bytes]]) -> None:
    range_server.serve(reply(body=make_body({PASSWORD: 42})))
    assert RangeClient(range_server.url).count(Secret(PASSWORD)) == 42
    (request,) = range_server.requests
    assert request.method == "GET"
    assert re.fullmatch(r"/range/[0-9A-F]{5}", request.path)
    assert request.path == "/range/" + hashlib.sha1(PASSWORD.encode()).hexdigest().upper()[:5]
    assert request.headers["add-padding"] == "true"
    assert request.headers["user-agent"] == f"kakaoaudit/{__version__}"
    for part in forbidden(PASSWORD):
        assert part not in request.raw


def test_custom_user_agent_and_base_url_with_path_and_trailing_slash(
    range_server: Any, reply: Any, make_body: Callable[..., bytes]
) -> None:
    range_server.serve(reply(body=make_body({PASSWORD: 1})))
    client = RangeClient(range_server.url + "/mirror/hibp/", user_agent="kakaoaudit-test/1")
    assert client.count(Secret(PASSWORD)) == 1
    assert range_server.requests[0].path.startswith("/mirror/hibp/range/")
    assert range_server.requests[0].headers["user-agent"] == "kakaoaudit-test/1"


@pytest.mark.parametrize(
    "base_url",
    ["ftp://example.com", "file:///etc/passwd", "example.com", "http://", "https://h/?q=1",
     "https://user:pw@h", "http://h:99999"],
)
def test_bad_base_url_is_a_value_error_at_construction(base_url: str) -> None:
    with pytest.raises(ValueError, match="base URL"):
        RangeClient(base_url)


@pytest.mark.parametrize(
    "kwargs",
    [{"connect_timeout": 0}, {"total_timeout": -1}, {"total_timeout": float("inf")}, {"retries": -1},
     {"max_retry_after": -1}, {"max_body_bytes": 0}, {"user_agent": "bad\r\nX-Injected: 1"}],
)
def test_bad_settings_are_value_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        RangeClient("https://api.example", **kwargs)


# --------------------------------------------------------------------------- bodies


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("trailing", [False, True])
@pytest.mark.parametrize("mode", ["length", "chunked", "close"])
def test_found_and_not_found_in_every_framing(  # noqa: PLR0917  # fixtures and parameters
    range_server: Any, reply: Any, make_body: Callable[..., bytes], newline: str, trailing: bool, mode: str
) -> None:
    client = RangeClient(range_server.url)
    range_server.serve(reply(body=make_body({PASSWORD: 3_141}, newline=newline, trailing=trailing, padding=900),
                             mode=mode))
    assert client.count(Secret(PASSWORD)) == 3_141
    range_server.serve(reply(body=make_body({"something else": 5}, newline=newline, trailing=trailing),
                             mode=mode))
    assert client.count(Secret(PASSWORD)) == 0


def test_bom_lower_case_blank_lines_and_padding(range_server: Any, reply: Any) -> None:
    suffix = hashlib.sha1(PASSWORD.encode()).hexdigest()[5:]  # lower case
    body = f"\ufeff{'a' * 35}:0\r\n\r\n{suffix}:77\r\n{'f' * 35}:0\r\n\r\n".encode()
    range_server.serve(reply(body=body))
    assert RangeClient(range_server.url).count(Secret(PASSWORD)) == 77


def test_padding_line_for_our_suffix_reads_as_zero(range_server: Any, reply: Any) -> None:
    suffix = hashlib.sha1(PASSWORD.encode()).hexdigest().upper()[5:]
    range_server.serve(reply(body=f"{'A' * 35}:3\r\n{suffix}:0".encode()))
    assert RangeClient(range_server.url).count(Secret(PASSWORD)) == 0


@pytest.mark.parametrize(
    "body", [b"<html>Please log in to the Wi-Fi</html>", b"", b'{"error": "nope"}', b"ABCDEF:12\r\n"]
)
def test_malformed_body(range_server: Any, reply: Any, body: bytes,
                        assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(body=body))
    error, _ = lookup_error(RangeClient(range_server.url), PASSWORD, assert_no_leak)
    assert error.kind == "malformed"


# --------------------------------------------------------------------------- faults


def test_connection_refused(closed_port: int, assert_no_leak: Callable[[BaseException, str], None]) -> None:
    # A generous connect timeout: Windows retries a refused connect for about 2 s before failing.
    client = RangeClient(f"http://127.0.0.1:{closed_port}", connect_timeout=5, total_timeout=6)
    error, elapsed = lookup_error(client, PASSWORD, assert_no_leak)
    assert error.kind == "refused"
    assert elapsed < 5


def test_server_that_never_answers_times_out(range_server: Any, reply: Any,
                                             assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(mode="silent"))
    error, elapsed = lookup_error(RangeClient(range_server.url, **FAST), PASSWORD, assert_no_leak)
    assert error.kind == "timeout"
    assert 0.9 <= elapsed < 1.6


@pytest.mark.parametrize("mode", ["drip_head", "drip_body"])
def test_slow_drip_is_cut_at_the_total_deadline(range_server: Any, reply: Any, mode: str,
                                                assert_no_leak: Callable[[BaseException, str], None]) -> None:
    # One byte every 0.1 s never trips a per-read timeout of 0.5 s: only the deadline stops it.
    range_server.serve(reply(mode=mode, drip_interval=0.1, body=b"0" * 100_000))
    client = RangeClient(range_server.url, connect_timeout=0.5, total_timeout=1.2)
    error, elapsed = lookup_error(client, PASSWORD, assert_no_leak)
    assert error.kind == "timeout"
    assert 1.1 <= elapsed < 1.8


def test_429_with_retry_after_then_success_waits_a_bounded_time(
    range_server: Any, reply: Any, make_body: Callable[..., bytes]
) -> None:
    range_server.serve(reply(status=429, headers={"Retry-After": "3600"}), reply(body=make_body({PASSWORD: 9})))
    sleep = FakeSleep()
    client = RangeClient(range_server.url, max_retry_after=0.25, sleep=sleep)
    assert client.count(Secret(PASSWORD)) == 9
    assert sleep.calls == [0.25]  # capped, not an hour
    assert len(range_server.requests) == 2


def test_retry_after_seconds_is_honoured(range_server: Any, reply: Any, make_body: Callable[..., bytes]) -> None:
    range_server.serve(reply(status=429, headers={"Retry-After": "2"}), reply(body=make_body({PASSWORD: 9})))
    sleep = FakeSleep()
    assert RangeClient(range_server.url, sleep=sleep).count(Secret(PASSWORD)) == 9
    assert sleep.calls == [2.0]


def test_retry_after_http_date_is_honoured(range_server: Any, reply: Any, make_body: Callable[..., bytes]) -> None:
    when = email.utils.formatdate(time.time() + 3, usegmt=True)
    range_server.serve(reply(status=503, headers={"Retry-After": when}), reply(body=make_body({PASSWORD: 9})))
    sleep = FakeSleep()
    assert RangeClient(range_server.url, sleep=sleep).count(Secret(PASSWORD)) == 9
    assert len(sleep.calls) == 1 and 1.0 <= sleep.calls[0] <= 3.0


def test_wait_longer_than_the_deadline_gives_up_at_once(range_server: Any, reply: Any,
                                                         assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(status=429, headers={"Retry-After": "5"}))
    sleep = FakeSleep()
    client = RangeClient(range_server.url, total_timeout=1.0, max_retry_after=5.0, sleep=sleep)
    error, _ = lookup_error(client, PASSWORD, assert_no_leak)
    assert error.kind == "rate_limited"
    assert sleep.calls == []
    assert len(range_server.requests) == 1


def test_429_forever_is_rate_limited(range_server: Any, reply: Any,
                                     assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(status=429, headers={"Retry-After": "1"}))
    sleep = FakeSleep()
    error, _ = lookup_error(RangeClient(range_server.url, retries=2, sleep=sleep), PASSWORD, assert_no_leak)
    assert error.kind == "rate_limited"
    assert "429" in error.detail
    assert sleep.calls == [1.0, 1.0]
    assert len(range_server.requests) == 3


def test_500_is_retried_with_backoff_then_http(range_server: Any, reply: Any,
                                               assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(status=500))
    sleep = FakeSleep()
    error, _ = lookup_error(RangeClient(range_server.url, retries=3, max_retry_after=0.8, sleep=sleep),
                            PASSWORD, assert_no_leak)
    assert error.kind == "http"
    assert "500" in error.detail
    assert sleep.calls == [0.5, 0.8, 0.8]  # 0.5, 1.0, 2.0 capped at 0.8
    assert len(range_server.requests) == 4


def test_500_then_success(range_server: Any, reply: Any, make_body: Callable[..., bytes]) -> None:
    range_server.serve(reply(status=502), reply(body=make_body({PASSWORD: 4})))
    assert RangeClient(range_server.url, sleep=FakeSleep()).count(Secret(PASSWORD)) == 4


@pytest.mark.parametrize("status", [400, 403, 404, 301, 302, 203, 204])
def test_other_statuses_are_http_errors_without_retry(range_server: Any, reply: Any, status: int,
                                                      assert_no_leak: Callable[[BaseException, str], None]) -> None:
    headers = {"Location": "http://192.0.2.1/elsewhere"} if 300 <= status < 400 else {}
    range_server.serve(reply(status=status, headers=headers, body=b"" if status == 204 else b"nope"))
    sleep = FakeSleep()
    error, _ = lookup_error(RangeClient(range_server.url, sleep=sleep), PASSWORD, assert_no_leak)
    assert error.kind == "http"
    assert str(status) in error.detail
    assert sleep.calls == [] and len(range_server.requests) == 1  # no retry, redirect not followed


@pytest.mark.parametrize("mode", ["length", "chunked", "close"])
def test_oversized_body(range_server: Any, reply: Any, make_body: Callable[..., bytes], mode: str,
                        assert_no_leak: Callable[[BaseException, str], None]) -> None:
    body = make_body({}, padding=2_000)  # ~80 KB, without our line so that the leak check stays strict
    range_server.serve(reply(body=body, mode=mode))
    error, _ = lookup_error(RangeClient(range_server.url, max_body_bytes=20_000), PASSWORD, assert_no_leak)
    assert error.kind == "too_large"


def test_oversized_content_length_is_refused_before_reading(range_server: Any, reply: Any,
                                                            assert_no_leak: Callable[[BaseException, str], None]
                                                            ) -> None:
    # Claims 50 MB and then drips: refused on the header alone, long before any deadline.
    range_server.serve(reply(mode="drip_body", content_length=50_000_000, body=b"0" * 10))
    error, elapsed = lookup_error(RangeClient(range_server.url, total_timeout=5), PASSWORD, assert_no_leak)
    assert error.kind == "too_large"
    assert elapsed < 1.0


def test_body_cut_short_is_a_network_error(range_server: Any, reply: Any,
                                           assert_no_leak: Callable[[BaseException, str], None]) -> None:
    range_server.serve(reply(body=b"A" * 35 + b":1", content_length=5_000))
    error, _ = lookup_error(RangeClient(range_server.url, **FAST), PASSWORD, assert_no_leak)
    assert (error.kind, error.fault) == ("network", "cut_short")


def test_dns_failure_on_an_invalid_name(assert_no_leak: Callable[[BaseException, str], None]) -> None:
    # RFC 6761: ".invalid" never resolves. Check first that this machine's resolver answers
    # at all: on a host where it hangs the client still fails as "dns", but the test would be slow.
    answered = threading.Event()

    def probe() -> None:
        with contextlib.suppress(OSError):
            socket.getaddrinfo("kakaoaudit-probe.invalid", 443)
        answered.set()

    threading.Thread(target=probe, daemon=True).start()
    if not answered.wait(2.0):
        pytest.skip("this machine's resolver hangs on .invalid names")
    client = RangeClient("https://kakaoaudit-test.invalid", connect_timeout=2.0, total_timeout=3.0)
    error, _ = lookup_error(client, PASSWORD, assert_no_leak)
    assert error.kind == "dns"


def test_hanging_resolver_is_bounded_by_the_connect_timeout(
    monkeypatch: pytest.MonkeyPatch, assert_no_leak: Callable[[BaseException, str], None]
) -> None:
    release = threading.Event()

    def hanging_getaddrinfo(*args: Any, **kwargs: Any) -> Any:
        release.wait(5)
        raise socket.gaierror(socket.EAI_AGAIN, "gave up")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_getaddrinfo)
    try:
        error, elapsed = lookup_error(RangeClient("https://api.example", connect_timeout=0.3, total_timeout=2.0),
                                      PASSWORD, assert_no_leak)
    finally:
        release.set()
    assert error.kind == "dns"
    assert "timed out" in error.detail
    assert elapsed < 1.0


def test_tls_failure_against_a_plain_text_server(assert_no_leak: Callable[[BaseException, str], None]) -> None:
    # A server that answers the TLS ClientHello with plain HTTP text.
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve_once() -> None:
        with listener:
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                time.sleep(0.2)

    threading.Thread(target=serve_once, daemon=True).start()
    error, _ = lookup_error(RangeClient(f"https://127.0.0.1:{port}", **FAST), PASSWORD, assert_no_leak)
    assert error.kind == "tls"
    assert "WRONG_VERSION_NUMBER" in error.detail or "TLS" in error.detail


def test_offline_guard_blocks_the_network() -> None:
    with pytest.raises(pytest.fail.Exception), socket.socket() as sock:
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1


# --------------------------------------------------------------------------- the oracle


@pytest.mark.parametrize(("password", "count"), [(PASSWORD, 123_456), ("パスワード", 7), ("absent", 0)])
def test_pwnedpasswords_package_agrees(  # noqa: PLR0917  # fixtures and parameters
    range_server: Any, reply: Any, make_body: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch,
    password: str, count: int,
) -> None:
    # pwnedpasswords 3.1 hard-codes https://api.pwnedpasswords.com in PwnedPasswordsAPI.url (a
    # staticmethod; there is no module-level base URL): point that at the local server. Its
    # parser splits on "\r\n" only, so the body is CRLF with no trailing newline, as HIBP sends.
    oracle = importlib.import_module("pwnedpasswords.pwnedpasswords")

    def local_url(*components: str, **query: str) -> str:
        assert not query
        return f"{range_server.url}/" + "/".join(components)

    monkeypatch.setattr(oracle.PwnedPasswordsAPI, "url", staticmethod(local_url))
    entries = {password: count} if count else {}
    range_server.serve(reply(body=make_body(entries | {"other": 5}, padding=800, newline="\r\n")))

    theirs = oracle.check(password, plain_text=True, timeout=5)
    ours = RangeClient(range_server.url).count(Secret(password))
    assert ours == theirs == count
    first, second = range_server.requests
    assert first.path == second.path


# --------------------------------------------------------------------------- hosts and the Host header


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://127.0.0.1:8080", ("127.0.0.1", 8080, "127.0.0.1:8080")),
        ("https://API.PwnedPasswords.com", ("api.pwnedpasswords.com", 443, "api.pwnedpasswords.com")),
        ("https://api.pwnedpasswords.com:443/", ("api.pwnedpasswords.com", 443, "api.pwnedpasswords.com")),
        ("http://[::1]:8080/mirror", ("::1", 8080, "[::1]:8080")),
        ("http://[::1]", ("::1", 80, "[::1]")),
        ("https://例え.jp", ("xn--r8jz45g.jp", 443, "xn--r8jz45g.jp")),
    ],
)
def test_host_port_and_host_header(base_url: str, expected: tuple[str, int, str]) -> None:
    client = RangeClient(base_url)
    assert (client._host, client._port, client._host_header) == expected


def test_mirror_path_with_spaces_is_percent_encoded(range_server: Any, reply: Any,
                                                    make_body: Callable[..., bytes]) -> None:
    range_server.serve(reply(body=make_body({PASSWORD: 2})))
    assert RangeClient(range_server.url + "/my mirror/%7Ehibp").count(Secret(PASSWORD)) == 2
    assert range_server.requests[0].path.startswith("/my%20mirror/%7Ehibp/range/")


def test_ipv6_loopback(reply: Any, make_body: Callable[..., bytes]) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    try:
        listener = socket.create_server(("::1", 0), family=socket.AF_INET6)
    except OSError:
        pytest.skip("IPv6 loopback unavailable")
    port = listener.getsockname()[1]
    body = make_body({PASSWORD: 6})
    seen: list[bytes] = []

    def serve_once() -> None:
        with listener:
            conn, _ = listener.accept()
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += conn.recv(4096)
                seen.append(request)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))

    threading.Thread(target=serve_once, daemon=True).start()
    assert RangeClient(f"http://[::1]:{port}").count(Secret(PASSWORD)) == 6
    assert f"Host: [::1]:{port}\r\n".encode() in seen[0]
