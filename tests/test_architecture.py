"""The layering rule, checked by import-linter: core imports neither PySide6 nor gui."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import ROOT


def test_core_is_qt_free_and_never_imports_gui():
    lint_imports = Path(sysconfig.get_path("scripts")) / "lint-imports"
    result = subprocess.run([str(lint_imports), "--config", "pyproject.toml", "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_importing_core_loads_no_qt():
    code = ("import sys, core, core.store, core.ingest, core.jobs, core.cli;"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'gui'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr
