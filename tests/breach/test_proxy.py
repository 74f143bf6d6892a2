"""RangeClient with and without a proxy from the environment.

Direct and proxied lookups share one transport (http.client) and one check of the answer; a
proxy from `http_proxy` gets the whole URL on the request line. The proxy here is a real forward
proxy on loopback (tests/breach/conftest.py) that passes the request on to the test server and
relays its answer unchanged; the `via` fixture runs a test both ways.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

import pytest

from kakaoaudit.breach.online import RangeClient
from kakaoaudit.breach.ranges import BreachLookupError
from kakaoaudit.core.secret import Secret

PASSWORD = "proxy canary pw"
PREFIX = hashlib.sha1(PASSWORD.encode()).hexdigest().upper()[:5]
MIRROR = "http://hibp-mirror.invalid"  # never resolved by the client: only the proxy knows it


def test_proxy_from_the_environment_is_used(  # noqa: PLR0917  # fixtures
    range_server: Any, reply: Any, make_body: Callable[..., bytes], forbidden: Callable[[str], list[bytes]],
    proxy_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy = proxy_factory({"hibp-mirror.invalid": ("127.0.0.1", range_server.port)})
    monkeypatch.setenv("http_proxy", proxy.url)
    range_server.serve(reply(body=make_body({PASSWORD: 5})))
    client = RangeClient(MIRROR)
    assert client.uses_proxy
    assert client.count(Secret(PASSWORD)) == 5
    [head] = proxy.heads
    assert head.startswith(f"GET {MIRROR}/range/{PREFIX} HTTP/1.1\r\n".encode())
    (request,) = range_server.requests
    assert request.path == f"/range/{PREFIX}"
    assert request.headers["add-padding"] == "true"
    assert request.headers["host"] == "hibp-mirror.invalid"
    for part in forbidden(PASSWORD):  # neither the proxy nor the server got more than the prefix
        assert part not in request.raw
        assert all(part not in bytes(seen) for seen in proxy.received)


def test_no_proxy_exempts_the_host(range_server: Any, reply: Any, make_body: Callable[..., bytes],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # would be refused if it were used
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    range_server.serve(reply(body=make_body({PASSWORD: 3})))
    client = RangeClient(range_server.url)
    assert not client.uses_proxy
    assert client.count(Secret(PASSWORD)) == 3
    assert range_server.requests[0].path == f"/range/{PREFIX}"


def test_without_proxy_variables_the_lookup_is_direct(range_server: Any, reply: Any,
                                                      make_body: Callable[..., bytes]) -> None:
    range_server.serve(reply(body=make_body({PASSWORD: 1})))
    client = RangeClient(range_server.url)
    assert not client.uses_proxy
    assert client.count(Secret(PASSWORD)) == 1
    request = range_server.requests[0]
    assert request.path == f"/range/{PREFIX}"
    assert request.headers["connection"] == "close"
    assert request.headers["host"] == f"127.0.0.1:{range_server.port}"


# --------------------------------------------------------------------------- both ways alike


@pytest.mark.parametrize("mode", ["length", "chunked", "close"])
def test_found_and_not_found_both_ways(via: str, range_server: Any, reply: Any,
                                       make_body: Callable[..., bytes], mode: str) -> None:
    range_server.serve(reply(body=make_body({PASSWORD: 77}), mode=mode))
    assert RangeClient(via).count(Secret(PASSWORD)) == 77
    range_server.serve(reply(body=make_body({"another password": 9}), mode=mode))
    assert RangeClient(via).count(Secret(PASSWORD)) == 0


@pytest.mark.parametrize("status", [301, 302, 404, 403])
def test_error_statuses_and_redirects_are_http_errors_both_ways(via: str, range_server: Any, reply: Any,
                                                                status: int) -> None:
    range_server.serve(reply(status=status, headers={"Location": "http://127.0.0.1:9/x"}))
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, retries=0).count(Secret(PASSWORD))
    assert caught.value.kind == "http"
    assert f"HTTP {status}" in caught.value.detail
    assert len(range_server.requests) == 1  # the redirect was not followed


def test_429_retry_after_both_ways(via: str, range_server: Any, reply: Any,
                                   make_body: Callable[..., bytes]) -> None:
    waits: list[float] = []
    range_server.serve(reply(status=429, headers={"Retry-After": "2"}), reply(body=make_body({PASSWORD: 4})))
    assert RangeClient(via, sleep=waits.append).count(Secret(PASSWORD)) == 4
    assert waits == [2.0]
    assert len(range_server.requests) == 2


def test_500_forever_both_ways(via: str, range_server: Any, reply: Any) -> None:
    waits: list[float] = []
    range_server.serve(reply(status=500))
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, retries=2, sleep=waits.append).count(Secret(PASSWORD))
    assert caught.value.kind == "http"
    assert "after 3 attempts" in caught.value.detail
    assert waits == [0.5, 1.0]


def test_slow_drip_is_cut_at_the_deadline_both_ways(via: str, range_server: Any, reply: Any) -> None:
    range_server.serve(reply(mode="drip_body", body=b"0" * 200, drip_interval=0.05))
    start = time.monotonic()
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, connect_timeout=0.5, total_timeout=0.6).count(Secret(PASSWORD))
    assert caught.value.kind == "timeout"
    assert time.monotonic() - start < 1.5


def test_oversized_body_both_ways(via: str, range_server: Any, reply: Any) -> None:
    range_server.serve(reply(body=b"A" * 5000, mode="close"))
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, max_body_bytes=1000).count(Secret(PASSWORD))
    assert caught.value.kind == "too_large"


def test_refused_proxy_is_refused(monkeypatch: pytest.MonkeyPatch, closed_port: int) -> None:
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port}")
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(MIRROR).count(Secret(PASSWORD))
    assert (caught.value.kind, caught.value.fault) == ("refused", "proxy")
    assert "proxy" in caught.value.detail


@pytest.mark.parametrize("setting", ["socks5://127.0.0.1:1080", "http://", "http://127.0.0.1:99999"])
def test_unusable_proxy_setting_is_a_failed_lookup(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    # urllib would fail on these too; kakaoaudit says which setting is wrong and connects nowhere.
    monkeypatch.setenv("http_proxy", setting)
    client = RangeClient(MIRROR)
    assert client.uses_proxy
    with pytest.raises(BreachLookupError) as caught:
        client.count(Secret(PASSWORD))
    assert (caught.value.kind, caught.value.fault) == ("network", "proxy")
    assert "http_proxy" in caught.value.detail


def test_proxy_credentials_go_to_the_proxy_only(range_server: Any, reply: Any, make_body: Callable[..., bytes],
                                                forward_proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # As urllib: user and password in the proxy URL (percent-decoded) become Basic credentials.
    monkeypatch.setenv("http_proxy", f"http://al%40ice:s%3Acret@127.0.0.1:{forward_proxy.port}")
    range_server.serve(reply(body=make_body({PASSWORD: 8})))
    assert RangeClient(range_server.url).count(Secret(PASSWORD)) == 8
    [head] = forward_proxy.heads
    assert b"\r\nProxy-Authorization: Basic YWxAaWNlOnM6Y3JldA==\r\n" in head  # base64("al@ice:s:cret")


def test_exactly_the_documented_headers_are_sent_both_ways(via: str, range_server: Any, reply: Any,
                                                           make_body: Callable[..., bytes], forward_proxy: Any
                                                           ) -> None:
    # docs/privacy.md lists these five; nothing else may be added without updating it.
    range_server.serve(reply(body=make_body({PASSWORD: 1})))
    RangeClient(via).count(Secret(PASSWORD))
    request = range_server.requests[0]
    assert set(request.headers) == {"host", "user-agent", "add-padding", "accept-encoding", "connection"}
    assert request.headers["accept-encoding"] == "identity"
    assert request.headers["connection"] == "close"
    assert request.raw.startswith(b"GET ") and request.raw.count(b"\r\n\r\n") == 1
    for head in forward_proxy.heads:  # what the proxy got: the same head, the whole URL on its first line
        names = {line.split(b":", 1)[0].lower() for line in head.strip().split(b"\r\n")[1:]}
        assert names == {b"host", b"user-agent", b"add-padding", b"accept-encoding", b"connection"}
        assert head.startswith(f"GET {via}/range/{PREFIX} HTTP/1.1\r\n".encode())
