"""Export and import formats: one small module per format, each with write and read.

A format module declares `NAME`, `KIND` ("file" or "folder"), `SUFFIX`, `FLAT`
(no overlapping spans allowed), and `write(docs, target, report, options)`;
readable formats also have `read(path, report) -> Iterator[ImportedDoc]`
(Pizhu instead has `import_into`, which keeps ids). Shared records are in
base.py, atomic writing in atomic.py, what is in scope in collect.py, storing
imports in loader.py / tool_import.py / pizhu_import.py; the entry points that
the CLI and the GUI call are in core/export.py.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from core.errors import UserError

# --format name -> module. The names are a contract (CLI, GUI dialog, docs).
FORMATS: dict[str, str] = {
    "pizhu": "core.formats.pizhu",
    "doccano": "core.formats.doccano",
    "labelstudio": "core.formats.labelstudio",
    "brat": "core.formats.brat",
    "conll": "core.formats.conll",
    "csv": "core.formats.csv_facts",
    "spacy": "core.formats.spacy_docbin",
}


def load(name: str) -> ModuleType:
    """The module of a format name; a clear error for an unknown name."""
    if name not in FORMATS:
        raise UserError(f"unknown format '{name}' (choose from {', '.join(FORMATS)})")
    return importlib.import_module(FORMATS[name])
