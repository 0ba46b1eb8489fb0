"""Repair of scraped text (placeholder until the full algorithm lands)."""

from __future__ import annotations

from core.text import OffsetMap, Repaired


def repair(raw: str) -> Repaired:
    return Repaired(raw, OffsetMap.identity(len(raw)), {})
