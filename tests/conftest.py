"""Fixtures shared by every test: a fresh database, the seeds, the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """A file of ../shared/data, or skip: a user's fresh checkout has no ../shared."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"needs {path} (the shared development data beside the checkout)")
    return path


@pytest.fixture
def fresh_store(tmp_path):
    from core.store import Store

    store = Store(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture
def seeded_store(fresh_store):
    """A store with both seed articles imported through the real ingest path."""
    from core.ingest import import_paths

    report = import_paths(fresh_store, [SEEDS])
    assert len(report.added) == 2, report
    return fresh_store
