"""RangeClient over real TLS on loopback: a trusted certificate works, a wrong name is refused,
and through an https_proxy (CONNECT) the request stays inside the TLS tunnel.

The certificates are made with the openssl command for each test; the client trusts them through
SSL_CERT_FILE, which `ssl.create_default_context()` reads like the system's CA store.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.breach.online import RangeClient
from kakaoaudit.breach.ranges import BreachLookupError
from kakaoaudit.core.secret import Secret

PASSWORD = "tls canary password"


def make_certificate(folder: Path, alt_names: str) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a certificate")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=kakaoaudit test", "-addext", f"subjectAltName={alt_names}"],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key


class TLSServer:
    """Answers every TLS connection with `answer` after reading the request; records the requests."""

    def __init__(self, cert: Path, key: Path, answer: bytes) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.answer = answer
        self.requests: list[bytes] = []
        self.server_names: list[str | None] = []
        self.context.sni_callback = self._sni
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _sni(self, sock: ssl.SSLObject | ssl.SSLSocket, name: str | None, context: ssl.SSLContext) -> None:
        self.server_names.append(name)

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            conn.settimeout(5)
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    request = b""
                    while b"\r\n\r\n" not in request:
                        chunk = tls.recv(4096)
                        if not chunk:
                            break
                        request += chunk
                    self.requests.append(request)
                    tls.sendall(self.answer)
            except OSError:
                conn.close()  # the client refused the certificate

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., TLSServer]]:
    servers: list[TLSServer] = []

    def start(alt_names: str, answer: bytes) -> TLSServer:
        cert, key = make_certificate(tmp_path, alt_names)
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        servers.append(TLSServer(cert, key, answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def ok(body: bytes, *, chunked: bool = False) -> bytes:
    if chunked:
        return (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)


@pytest.mark.parametrize("chunked", [False, True])
def test_lookup_over_trusted_tls(tls_server: Callable[..., TLSServer], make_body: Callable[..., bytes],
                                 chunked: bool) -> None:
    server = tls_server("IP:127.0.0.1", ok(make_body({PASSWORD: 31}), chunked=chunked))
    client = RangeClient(f"https://127.0.0.1:{server.port}", connect_timeout=3, total_timeout=5)
    assert client.count(Secret(PASSWORD)) == 31
    assert client.count(Secret("not in the body")) == 0  # the same client again: its TLS context reused
    (request, _again) = server.requests
    assert request.startswith(b"GET /range/")
    assert f"Host: 127.0.0.1:{server.port}\r\n".encode() in request


def test_certificate_for_another_name_is_refused(tls_server: Callable[..., TLSServer],
                                                 make_body: Callable[..., bytes],
                                                 assert_no_leak: Callable[[BaseException, str], None]) -> None:
    server = tls_server("DNS:api.pwnedpasswords.example", ok(make_body({PASSWORD: 31})))
    client = RangeClient(f"https://127.0.0.1:{server.port}", connect_timeout=3, total_timeout=5)
    with pytest.raises(BreachLookupError) as caught:
        client.count(Secret(PASSWORD))
    assert caught.value.kind == "tls"
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.detail or "TLS" in caught.value.detail
    assert server.requests == []  # nothing was sent to a server that could not prove its name
    assert_no_leak(caught.value, PASSWORD)


def test_server_name_is_sent_for_a_host_name(tls_server: Callable[..., TLSServer], make_body: Callable[..., bytes],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # "localhost" is resolved by the client; the certificate names it, and SNI must carry it.
    server = tls_server("DNS:localhost", ok(make_body({PASSWORD: 2})))
    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        assert host == "localhost"
        return real_getaddrinfo("127.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    client = RangeClient(f"https://localhost:{server.port}", connect_timeout=3, total_timeout=5)
    assert client.count(Secret(PASSWORD)) == 2
    assert server.server_names == ["localhost"]


def test_lookup_over_tls_through_an_https_proxy(
    tls_server: Callable[..., TLSServer], make_body: Callable[..., bytes], forward_proxy: Any,
    forbidden: Callable[[str], list[bytes]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = tls_server("IP:127.0.0.1", ok(make_body({PASSWORD: 12})))
    monkeypatch.setenv("https_proxy", forward_proxy.url)
    client = RangeClient(f"https://127.0.0.1:{server.port}", connect_timeout=3, total_timeout=5)
    assert client.uses_proxy
    assert client.count(Secret(PASSWORD)) == 12
    [connect] = forward_proxy.heads  # the proxy saw only where to connect; the request went inside TLS
    assert connect.startswith(f"CONNECT 127.0.0.1:{server.port} HTTP/1.".encode())
    assert server.requests[0].startswith(b"GET /range/")
    for part in [*forbidden(PASSWORD), b"/range/"]:
        assert part not in bytes(forward_proxy.received[0])


def test_proxy_that_refuses_the_tunnel(tls_server: Callable[..., TLSServer], make_body: Callable[..., bytes],
                                       range_server: Any, reply: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loopback HTTP server plays a proxy that answers CONNECT with 403: no tunnel, no request.
    server = tls_server("IP:127.0.0.1", ok(make_body({PASSWORD: 12})))
    range_server.serve(reply(status=403))
    monkeypatch.setenv("https_proxy", range_server.url)
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(f"https://127.0.0.1:{server.port}", connect_timeout=3, total_timeout=5).count(Secret(PASSWORD))
    assert (caught.value.kind, caught.value.fault) == ("http", "proxy")
    assert "HTTP 403" in caught.value.detail
    assert range_server.requests[0].method == "CONNECT"
    assert server.requests == []


def test_plain_http_lookup_through_an_https_proxy(tls_server: Callable[..., TLSServer],
                                                  make_body: Callable[..., bytes],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # As urllib: for an http:// mirror, an https:// proxy is spoken to over TLS (its certificate
    # checked), and gets the whole URL. The TLS server plays that proxy and answers itself.
    proxy = tls_server("IP:127.0.0.1", ok(make_body({PASSWORD: 21})))
    monkeypatch.setenv("http_proxy", f"https://127.0.0.1:{proxy.port}")
    assert RangeClient("http://hibp-mirror.invalid", connect_timeout=3, total_timeout=5).count(Secret(PASSWORD)) == 21
    assert proxy.requests[0].startswith(b"GET http://hibp-mirror.invalid/range/")
