"""The `pizhu` entry point: CLI hand-off before Qt, first-run seeding, settings kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gui import app

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "cli"), [
    ([], False), (["corpus.db"], False), (["-platform", "offscreen"], False),
    (["--self-test"], False), (["stats", "x.db"], True), (["import", "a", "b"], True),
    (["--version"], True), (["--help"], True), (["-h"], True),
])
def test_is_cli(argv, cli):
    assert app.is_cli(argv) is cli


def test_split_args():
    assert app.split_args(["-platform", "offscreen", "my.db", "-reverse"]) == (
        ["-platform", "offscreen", "-reverse"], "my.db")


def test_subcommand_never_imports_qt(tmp_path):
    code = ("import sys; from gui.app import main; rc = main(['stats', sys.argv[1]]);"
            " assert 'PySide6' not in sys.modules, 'Qt imported'; raise SystemExit(rc)")
    db = tmp_path / "empty.db"
    result = subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert "Qt imported" not in result.stderr
    assert result.returncode in (0, 2), result.stderr


def test_default_database_lives_in_user_data(tmp_path):
    path = app.default_database()
    assert path.suffix == ".db"
    assert str(path).startswith(str(tmp_path))  # XDG_DATA_HOME points into tmp_path


def test_seed_database_imports_the_seeds(tmp_path):
    from core.store import Store

    added = app.seed_database(tmp_path / "first.db")
    assert len(added) == 2
    with Store(tmp_path / "first.db") as store:
        assert store.article_count() == 2


def test_window_state_kept_in_settings(window, qtbot):
    from gui.settings import settings

    window.resize(1234, 777)
    window.close()
    assert not settings.get("window_geometry").isEmpty()
    assert not settings.get("window_state").isEmpty()
    assert str(window.session.store.path.resolve()) not in settings.get("recent_databases")


def test_open_window_records_recent(qtbot, tmp_path):
    from gui.files import open_window
    from gui.settings import settings

    app.seed_database(tmp_path / "r.db")
    window = open_window(tmp_path / "r.db", "tester")
    qtbot.addWidget(window)
    assert settings.get("recent_databases")[0] == str((tmp_path / "r.db").resolve())
    window.open_initial()
    assert len(window.reader.panes) == 2
