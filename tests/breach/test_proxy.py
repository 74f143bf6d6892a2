"""RangeClient with and without a proxy from the environment.

Direct lookups use http.client alone; a proxy from `http_proxy` sends them through urllib's
opener instead. The loopback test server plays the proxy here: a proxied request names the
whole URL on its request line, so the server sees which way the lookup went.
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
MIRROR = "http://hibp-mirror.invalid"  # never resolved: only the proxy is connected to


@pytest.fixture(params=["direct", "proxy"])
def via(request: pytest.FixtureRequest, range_server: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """The base URL to use, with `http_proxy` pointing at the test server for the proxy case."""
    if request.param == "proxy":
        monkeypatch.setenv("http_proxy", range_server.url)
        return MIRROR
    return str(range_server.url)


def test_proxy_from_the_environment_is_used(range_server: Any, reply: Any, make_body: Callable[..., bytes],
                                            forbidden: Callable[[str], list[bytes]],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", range_server.url)
    range_server.serve(reply(body=make_body({PASSWORD: 5})))
    client = RangeClient(MIRROR)
    assert client.uses_proxy
    assert client.count(Secret(PASSWORD)) == 5
    (request,) = range_server.requests
    assert request.path == f"{MIRROR}/range/{PREFIX}"
    assert request.headers["add-padding"] == "true"
    for part in forbidden(PASSWORD):
        assert part not in request.raw


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
    assert caught.value.kind == "refused"


def test_exactly_the_documented_headers_are_sent_both_ways(via: str, range_server: Any, reply: Any,
                                                           make_body: Callable[..., bytes]) -> None:
    # docs/privacy.md lists these five; nothing else may be added without updating it.
    range_server.serve(reply(body=make_body({PASSWORD: 1})))
    RangeClient(via).count(Secret(PASSWORD))
    request = range_server.requests[0]
    assert set(request.headers) == {"host", "user-agent", "add-padding", "accept-encoding", "connection"}
    assert request.headers["accept-encoding"] == "identity"
    assert request.headers["connection"] == "close"
    assert request.raw.startswith(b"GET ") and request.raw.count(b"\r\n\r\n") == 1
