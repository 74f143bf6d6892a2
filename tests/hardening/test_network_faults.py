"""Network faults of the breach lookup, through the whole audit: each ends `unknown` with a reason, never `pass`.

Hostile answers are tried directly and through a real forward proxy from `http_proxy`: the reason
shown must name the fault (the proxy path once let two Content-Length values through as `pass`).
"""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.hardening


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def self_signed_url(tmp_path: Path) -> Iterator[str]:
    """An https:// server on loopback with a self-signed certificate (the client must refuse it)."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True, timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    with context.wrap_socket(conn, server_side=True) as tls:
                        tls.recv(1024)
                except OSError:
                    pass  # the client refused the certificate: expected

    worker = threading.Thread(target=serve, daemon=True)
    worker.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        worker.join(5)
        listener.close()


def breach_finding(cli: Callable[..., Any], answers: Path, url: str, battery: Any) -> dict[str, Any]:
    result = cli("audit", "--answers", str(answers), "--only", "KA201", "--format", "json", "--no-history",
                 "--password-stdin", "--hibp-url", url, "--timeout", "2", stdin=battery.PASSWORD + "\n")
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    [finding] = [f for f in result.json()["findings"] if f["check_id"] == "KA201"]
    battery.count("fault cases")
    return finding


def detail_text(finding: dict[str, Any]) -> str:
    detail = finding["detail"]
    return str(detail.get("text", detail) if isinstance(detail, dict) else detail)


SERVER_FAULTS: dict[str, dict[str, Any]] = {
    "timeout": {"mode": "silent"},
    "slow drip": {"mode": "drip_body", "body": b"0" * 200, "drip_interval": 0.2},
    "429": {"status": 429, "headers": {"Retry-After": "60"}},
    "500": {"status": 500},
    "503": {"status": 503},
    "malformed body": {"body": b"<html>this is not a range body</html>"},
    "oversized body": {"body": b"0" * ((1 << 20) + 10)},
}


@pytest.mark.parametrize("fault", sorted(SERVER_FAULTS))
def test_server_faults_are_unknown(fault: str, cli: Callable[..., Any], canary_answers: Path, range_server: Any,
                                   battery: Any) -> None:
    range_server.serve(battery.Reply(**SERVER_FAULTS[fault]))
    finding = breach_finding(cli, canary_answers, range_server.url, battery)
    assert finding["status"] == "unknown", (fault, finding)
    assert len(detail_text(finding)) > 20


@pytest.mark.parametrize("fault", ["refused", "dns failure", "tls to a plain http server", "self-signed tls"])
def test_connection_faults_are_unknown(  # noqa: PLR0917 - fixtures
                                       fault: str, cli: Callable[..., Any], canary_answers: Path,
                                       range_server: Any, closed_port: int, battery: Any,
                                       request: pytest.FixtureRequest) -> None:
    url = {
        "refused": f"http://127.0.0.1:{closed_port}",
        "dns failure": "https://pwned.kakaoaudit.invalid",
        "tls to a plain http server": f"https://127.0.0.1:{range_server.port}",
    }.get(fault) or request.getfixturevalue("self_signed_url")
    finding = breach_finding(cli, canary_answers, url, battery)
    assert finding["status"] == "unknown", (fault, finding)
    assert len(detail_text(finding)) > 20


def head(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def hostile(body: bytes) -> dict[str, tuple[bytes, str]]:
    """name -> (the whole answer, words the KA201 reason must contain) for a body without the password."""
    n = len(body)
    ok = "HTTP/1.1 200 OK"
    return {
        "two Content-Length values": (head(ok, f"Content-Length: {n - 44}", f"Content-Length: {n}") + body,
                                      "malformed: two different Content-Length values"),
        "Content-Length and chunked": (
            head(ok, f"Content-Length: {n}", "Transfer-Encoding: chunked") + b"%x\r\n%s\r\n0\r\n\r\n" % (n, body),
            "both a Content-Length and a Transfer-Encoding"),
        "bad chunk framing": (head(ok, "Transfer-Encoding: chunked") + b"zz\r\n" + body, "broken chunked framing"),
        "body cut short": (head(ok, f"Content-Length: {n + 300}") + body, "closed before the whole answer arrived"),
        "garbage status line": (b"HTTP/1.1 OK 200\r\n\r\n" + body, "HTTP/1.x status line"),
        "HTTP/0.9 answer": (body, "HTTP/1.x status line"),
        "101": (head("HTTP/1.1 101 Switching Protocols", "Upgrade: h2c") + body, "switched to another protocol"),
        "302": (head("HTTP/1.1 302 Found", "Location: http://127.0.0.1:9/", "Content-Length: 0"),
                "redirected the lookup elsewhere (HTTP 302)"),
        "header line without a colon": (head(ok, "X-Junk", "Transfer-Encoding: chunked") + body,
                                        "a header line is malformed"),
    }


@pytest.mark.parametrize("way", ["direct", "http_proxy"])
@pytest.mark.parametrize("fault", sorted(hostile(b"")))
def test_hostile_answers_are_unknown_naming_the_fault(  # noqa: PLR0917 - fixtures
    fault: str, way: str, cli: Callable[..., Any], canary_answers: Path, range_server: Any, forward_proxy: Any,
    battery: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = battery.make_range_body({"not the canary": 3}, padding=200)
    answer, words = hostile(body)[fault]
    range_server.serve(battery.Reply(mode="raw", body=answer))
    if way == "http_proxy":
        monkeypatch.setenv("http_proxy", forward_proxy.url)
    finding = breach_finding(cli, canary_answers, range_server.url, battery)
    assert finding["status"] == "unknown", (fault, way, finding)
    assert words in detail_text(finding), detail_text(finding)
    assert len(forward_proxy.heads) == (1 if way == "http_proxy" else 0)


def test_a_valid_answer_through_the_proxy_is_read(  # noqa: PLR0917 - fixtures
    cli: Callable[..., Any], canary_answers: Path, range_server: Any, forward_proxy: Any, battery: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    range_server.serve(battery.Reply(body=battery.make_range_body({battery.PASSWORD: 77}, padding=200)))
    monkeypatch.setenv("http_proxy", forward_proxy.url)
    finding = breach_finding(cli, canary_answers, range_server.url, battery)
    assert finding["status"] == "fail" and "77" in json.dumps(finding)
    [received] = forward_proxy.received  # the proxy saw the prefix, never the password or its suffix
    assert not battery.hits(bytes(received), battery.password_forms(battery.PASSWORD))


def test_a_refused_proxy_is_named(cli: Callable[..., Any], canary_answers: Path, closed_port: int, battery: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port}")
    finding = breach_finding(cli, canary_answers, "http://hibp-mirror.invalid", battery)
    assert finding["status"] == "unknown"
    assert "proxy" in detail_text(finding) and "refused" in detail_text(finding)
