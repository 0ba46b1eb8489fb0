"""The `pizhu` command line, run as a real process: exit codes and one-line errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS


def pizhu(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "gui.app", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=300)


def test_import_then_stats_shows_both_seeds_in_a_wal_database(tmp_path):
    db = tmp_path / "t.db"
    result = pizhu("import", db, SEEDS)
    assert result.returncode == 0, result.stderr
    assert "2 imported" in result.stdout
    stats = pizhu("stats", db)
    assert stats.returncode == 0 and "articles: 2" in stats.stdout
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check = pizhu("check", db)
    assert check.returncode == 0 and check.stdout.strip().endswith("ok")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", "missing.db"), "no such database"),
        (("import", "{tmp}/x.db", "{tmp}/nowhere"), "no such file or folder"),
        (("stats", "{tmp}/notes.db"), "not an SQLite file"),
        (("extract", "{tmp}/notes.db"), "not an SQLite file"),
    ],
)
def test_bad_input_gives_one_line_and_no_traceback(tmp_path, args, message):
    (tmp_path / "notes.db").write_text("not a database")
    result = pizhu(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode != 0
    assert message in result.stderr or message in result.stdout
    assert "Traceback" not in result.stderr
    assert (tmp_path / "notes.db").read_text() == "not a database"


def test_cli_does_not_import_qt():
    code = "import sys; from gui.app import main; main(['stats', '--help'])"
    probe = subprocess.run(
        [sys.executable, "-c", code + "\nprint('PySide6' in sys.modules)"],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert "usage: pizhu stats" in probe.stdout
