"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from tests.core.test_export import build_store


@pytest.fixture(scope="module")
def formats_store(tmp_path_factory):
    """The export tests' three-article database (astral characters, CRLF, every label), per module."""
    store = build_store(tmp_path_factory.mktemp("db") / "seeded.db")
    yield store
    store.close()
