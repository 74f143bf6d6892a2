"""One check per way a plugin can misbehave, and one that behaves (the audit must still run it)."""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Iterable
from typing import Any

from kakaoaudit.api import Category, Check, Context, Finding, Status, translator

_ = translator("kakaoaudit_misbehaving")


class _Base(Check):
    title = _("A misbehaving check")
    category = Category.SECURITY
    weight = 1
    questions = ()


class Raises(_Base):
    id = "HRD101"

    def run(self, ctx: Context) -> Iterable[Finding]:
        raise RuntimeError("boom")


class WrongType(_Base):
    id = "HRD102"

    def run(self, ctx: Context) -> Iterable[Any]:
        yield {"status": "pass"}


class Hangs(_Base):
    id = "HRD103"

    def run(self, ctx: Context) -> Iterable[Finding]:
        threading.Event().wait()  # forever
        yield self.finding(Status.PASS, _("never reached"), code="never")


class Prints(_Base):
    id = "HRD104"

    def run(self, ctx: Context) -> Iterable[Finding]:
        print("HRD104 says hello on stdout")
        print("HRD104 says hello on stderr", file=sys.stderr)
        yield self.finding(Status.PASS, _("printed and passed"), code="printed")


class Exits(_Base):
    id = "HRD105"

    def run(self, ctx: Context) -> Iterable[Finding]:
        sys.exit(3)


class Behaves(_Base):
    id = "HRD106"

    def run(self, ctx: Context) -> Iterable[Finding]:
        yield self.finding(Status.PASS, _("all good"), code="good")


class LeaksInItsError(_Base):
    """Raises an exception that holds the password and its SHA-1 hash, prefix and suffix (for --debug)."""

    id = "HRD107"
    needs_password = True

    def run(self, ctx: Context) -> Iterable[Finding]:
        assert ctx.password is not None
        password = ctx.password.reveal()
        digest = hashlib.sha1(password.encode("utf-8")).hexdigest().upper()
        raise ValueError(f"lookup failed for {password!r} ({password}), hash {digest} / {digest.lower()}, "
                         f"range {digest[:5]}, suffix {digest[5:]} / {digest[5:].lower()}")
