"""The socket's timeout is re-armed only when the last arming is older than _REARM_SLACK: fewer system
calls on a fast exchange, and never a read that can outlast the deadline by more than the slack."""

from __future__ import annotations

import io
import socket
import time
from typing import Any

import pytest

from kakaoaudit.breach import online
from kakaoaudit.breach.online import RangeClient
from kakaoaudit.core.secret import Secret


class RecordingSocket:
    def __init__(self) -> None:
        self.timeouts: list[float] = []

    def settimeout(self, value: float) -> None:
        self.timeouts.append(value)


def reader(armed_at: float, deadline: float, raw: io.BytesIO | None = None) -> tuple[online._DeadlineReader,
                                                                                      RecordingSocket]:
    sock = RecordingSocket()
    raw = io.BytesIO(b"x" * 100) if raw is None else raw
    return online._DeadlineReader(raw, sock, deadline, armed_at), sock  # type: ignore[arg-type]


def test_a_read_right_after_arming_reuses_the_timeout() -> None:
    now = time.monotonic()
    read, sock = reader(armed_at=now, deadline=now + 10)
    assert read.readinto(bytearray(10)) == 10
    assert sock.timeouts == []


def test_a_read_after_the_slack_re_arms_with_the_time_left() -> None:
    now = time.monotonic()
    read, sock = reader(armed_at=now - 2 * online._REARM_SLACK, deadline=now + 10)
    read.readinto(bytearray(10))
    read.readinto(bytearray(10))  # armed a moment ago: reused
    (timeout,) = sock.timeouts
    assert 9.5 < timeout <= 10


def test_a_read_past_the_deadline_fails_without_reading() -> None:
    now = time.monotonic()
    raw = io.BytesIO(b"x" * 100)
    read, _ = reader(armed_at=now, deadline=now - 0.001, raw=raw)
    with pytest.raises(TimeoutError):
        read.readinto(bytearray(10))
    assert raw.tell() == 0


def test_a_fast_lookup_arms_the_timeout_at_most_twice_and_each_arming_is_the_time_left(
    range_server: Any, reply: Any, make_body: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    armed: list[float] = []
    original = socket.socket.settimeout

    def recording(self: socket.socket, value: float | None) -> None:
        armed.append(value if value is not None else -1.0)
        original(self, value)

    monkeypatch.setattr(socket.socket, "settimeout", recording)
    range_server.serve(reply(body=make_body({"hunter2": 7})))
    client = RangeClient(range_server.url, connect_timeout=3, total_timeout=5)
    assert client.count(Secret("hunter2")) == 7
    # Before the connect (the connect budget), after it (the whole deadline); a third only when the
    # connect itself took longer than the slack (a loaded machine).
    assert 2 <= len(armed) <= 3, armed
    assert 0 < armed[0] <= 3 and all(0 < value <= 5 for value in armed)
