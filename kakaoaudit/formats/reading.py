"""Reading saved JSON reports back (`kakaoaudit show`, `kakaoaudit summary`).

Every problem is one `InputError` line that names the file and says what is wrong: missing,
empty, not UTF-8, not JSON (with line and column), not a kakaoaudit report, made by a newer
kakaoaudit (a newer major schema_version), or the first place where it breaks the schema.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.inputs import MAX_DEPTH, read_file, read_limited, remember_stat
from kakaoaudit.core.inputs import too_deep as too_deep_document
from kakaoaudit.core.model import Report
from kakaoaudit.core.untrusted import shown
from kakaoaudit.formats.json_report import SCHEMA_VERSION, from_dict

_ = translator("kakaoaudit.formats")

#: Reports are a few dozen KiB; anything far larger is not one (and is not read into memory).
MAX_BYTES = 16 * 1024 * 1024
SUPPORTED_MAJOR = int(SCHEMA_VERSION.split(".", 1)[0])
_VERSION = re.compile(r"([0-9]{1,9})\.([0-9]{1,9})")


def read_json(path: Path) -> Any:
    """The parsed JSON of `path` ("-" reads standard input), read and nested within limits."""
    name = shown(path)
    if str(path) == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                remember_stat(os.fstat(buffer.fileno()), Path("-"))  # a file given as `< report.json`
            data = read_limited(buffer, MAX_BYTES)
        else:
            data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
    else:
        try:
            # What is read is limited, not what `stat` says: /dev/zero and FIFOs have no size.
            data = read_file(path, MAX_BYTES)
        except FileNotFoundError:
            raise InputError(_("{file}: no such file", file=name)) from None
        except ValueError:  # a NUL byte in the name
            raise InputError(_("{file}: not a usable file name", file=name)) from None
        except OSError as error:
            # A folder: IsADirectoryError on POSIX, PermissionError on Windows.
            if path.is_dir():
                raise InputError(_("{file}: is a folder, not a report file", file=name)) from None
            raise InputError(_("{file}: cannot read: {reason}", file=name,
                               reason=error.strerror or type(error).__name__)) from None
    if len(data) > MAX_BYTES:
        raise InputError(_("{file}: too large for a kakaoaudit report (over {limit} MiB)", file=name,
                           limit=MAX_BYTES // (1024 * 1024)))
    if not data.strip():
        raise InputError(_("{file}: the file is empty", file=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(_("{file}: not a JSON report (not UTF-8 text at byte {offset})", file=name,
                           offset=error.start)) from None
    too_deep = _("{file}: lists or objects are nested too deeply (more than {limit} levels)", file=name,
                 limit=MAX_DEPTH)
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise InputError(_("{file}: not valid JSON (line {line}, column {column}: {reason})", file=name,
                           line=error.lineno, column=error.colno, reason=error.msg)) from None
    except RecursionError:
        raise InputError(too_deep) from None
    except ValueError as error:
        raise InputError(_("{file}: not valid JSON ({reason})", file=name, reason=shown(error, 80))) from None
    if too_deep_document(document):
        raise InputError(too_deep)  # before anything walks it recursively (the schema, the messages)
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


#: NaN and Infinity are not JSON; Python's parser would accept them.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def check_kind(data: Any, path: Path) -> None:
    """Refuse a document that is not a kakaoaudit report or was made by a newer major version."""
    name = shown(path)
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "kakaoaudit":
        raise InputError(_("{file}: not a kakaoaudit report (its \"tool\" is not kakaoaudit)", file=name))
    version = data.get("schema_version")
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        raise InputError(_("{file}: not a valid report: schema_version: expected a version like \"1.0\"", file=name))
    if int(match.group(1)) > SUPPORTED_MAJOR:
        raise InputError(_("{file}: this report was made by a newer kakaoaudit (report format {version}; this "
                           "kakaoaudit reads {supported}.x); update kakaoaudit to read it", file=name,
                           version=version, supported=SUPPORTED_MAJOR))


def parse_report(data: Any, path: Path) -> Report:
    """A `Report` from a parsed document, after the kind check and full schema validation."""
    check_kind(data, path)
    from kakaoaudit.formats.schema_errors import first_violation  # noqa: PLC0415 - jsonschema: only here

    violation = first_violation(data)
    if violation is not None:
        raise InputError(_("{file}: not a valid report: {where}: {reason}", file=shown(path),
                           where=shown(violation.where), reason=shown(violation.reason, 200)))
    try:
        return from_dict(data)
    except (ValueError, KeyError, TypeError) as error:
        # Values the schema's patterns let through but that are not real (month 13).
        raise InputError(_("{file}: not a valid report: {reason}", file=shown(path),
                           reason=shown(error, 120))) from None


def load_report(path: Path) -> Report:
    """Read, check and rebuild the report saved in `path`."""
    return parse_report(read_json(path), path)
