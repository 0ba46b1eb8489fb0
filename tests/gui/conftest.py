"""GUI test fixtures: offscreen Qt, settings and data folders in tmp_path, a seeded window.

Nothing here touches a real user's files: QStandardPaths runs in test mode,
XDG folders and the settings file point into tmp_path, and the database is a
fresh file per test with the two seed articles imported through core.ingest.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QStandardPaths  # noqa: E402

from core.model import Analysis, Label, Span  # noqa: E402

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"

# Engine stand-in: terms found in the seeds (traditional script), labelled by rule.
FAKE_TERMS = (
    ("德州經開區", Label.LOC), ("王志強", Label.PERSON), ("記者", Label.TITLE),
    ("漳州高新區", Label.LOC), ("林青", Label.PERSON), ("生態環境分局", Label.ORG),
    ("德州", Label.LOC),
)


def fake_analysis(text: str) -> Analysis:
    """Every non-overlapping occurrence of FAKE_TERMS, as an engine would suggest them."""
    taken = [False] * len(text)
    spans = []
    for term, label in FAKE_TERMS:
        pos = text.find(term)
        while pos != -1:
            end = pos + len(term)
            if not any(taken[pos:end]):
                taken[pos:end] = [True] * len(term)
                spans.append(Span(pos, end, label, term))
            pos = text.find(term, end)
    spans.sort(key=lambda s: s.start)
    return Analysis(entities=spans, facts=[], engine_version="test-1")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Settings, data and config folders of this test only."""
    from gui.settings import settings

    QStandardPaths.setTestModeEnabled(True)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("PIZHU_CONFIG_DIR", str(tmp_path / "config"))
    before = getattr(settings, "configured_path", None)
    settings.configure(tmp_path / "pizhu-test.ini")
    settings.set("annotator", "tester")
    settings.set("hint_shown", True)
    yield
    settings.configure(before)


@pytest.fixture
def suggested_store(seeded_store):
    """The seeds with fake engine suggestions merged (the real merge rule)."""
    for article_id in seeded_store.article_ids():
        seeded_store.merge_suggestions(article_id, fake_analysis(seeded_store.article_text(article_id)))
    return seeded_store


@pytest.fixture
def window(qtbot, suggested_store):
    """The main window over the suggested seeds, both articles open side by side."""
    from gui.main_window import MainWindow
    from gui.session import Session

    win = MainWindow(Session(suggested_store, "tester"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_initial()
    win.activateWindow()
    yield win
    win.background.shutdown()
