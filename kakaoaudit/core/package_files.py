"""Files shipped inside kakaoaudit's packages, found without importing `importlib.resources`.

For a package loaded from plain files (a wheel in site-packages, an editable install: how
kakaoaudit is installed), `importlib.resources.files(package)` is the package's folder as a
`pathlib.Path`; `files` returns that same folder directly. A package loaded any other way (from a
zip archive, by a custom importer) is left to `importlib.resources`. Importing it (with tempfile,
zipfile and their compression modules) would be a noticeable share of an audit's start.
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["files"]

_FILE_LOADERS = (SourceFileLoader, SourcelessFileLoader)


def files(package: str) -> Traversable:
    """What `importlib.resources.files(package)` returns, for the package named `package`."""
    module = sys.modules.get(package) or importlib.import_module(package)
    loader = getattr(module.__spec__, "loader", None)
    # Exactly these loaders (not a subclass): their resource reader (importlib.readers.FileReader)
    # is the folder of the loaded file.
    if isinstance(loader, (SourceFileLoader, SourcelessFileLoader)) and type(loader) in _FILE_LOADERS:
        return Path(loader.path).parent
    from importlib import resources  # noqa: PLC0415 - any other loader: the standard way

    return resources.files(package)
