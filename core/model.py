"""Plain data records shared by the whole core: labels, statuses, entities, facts.

Offsets are always half-open ranges of Python code points into an article's
clean text (GUIDELINES.md). Nothing here touches SQLite or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Label(StrEnum):
    PERSON = "PERSON"
    TITLE = "TITLE"
    ORG = "ORG"
    LOC = "LOC"
    PROJECT = "PROJECT"
    DOC = "DOC"
    DATE = "DATE"
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    QUANTITY = "QUANTITY"


class Status(StrEnum):
    """Status of one entity or fact (GUIDELINES.md, provenance)."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MANUAL = "manual"

    @property
    def human(self) -> bool:
        return self is not Status.SUGGESTED


class ArticleStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class FactType(StrEnum):
    INVESTMENT = "investment"
    POSITION = "position"
    METRIC = "metric"
    EVENT = "event"


# Slots of each fact type, in display order, with the labels an entity in
# that slot may carry. An empty tuple means the slot holds a literal text.
FACT_SLOTS: dict[FactType, dict[str, tuple[Label, ...]]] = {
    FactType.INVESTMENT: {
        "investor": (Label.ORG,),
        "amount": (Label.MONEY,),
        "project": (Label.PROJECT,),
        "date": (Label.DATE,),
    },
    FactType.POSITION: {
        "person": (Label.PERSON,),
        "title": (Label.TITLE,),
        "org": (Label.ORG,),
    },
    FactType.METRIC: {
        "indicator": (),
        "value": (Label.MONEY, Label.PERCENT, Label.QUANTITY),
        "subject": (Label.ORG, Label.LOC),
        "period": (Label.DATE,),
    },
    FactType.EVENT: {
        "action": (),
        "date": (Label.DATE,),
        "project": (Label.PROJECT,),
        "org": (Label.ORG,),
        "place": (Label.LOC,),
    },
}

REQUIRED_SLOTS: dict[FactType, tuple[str, ...]] = {
    FactType.INVESTMENT: ("amount",),
    FactType.POSITION: ("person", "title"),
    FactType.METRIC: ("indicator", "value"),
    FactType.EVENT: ("action",),
}

ENGINE_SOURCE_PREFIX = "engine"


@dataclass(frozen=True, slots=True)
class Span:
    """An entity as the engine proposes it: no id, no provenance yet."""

    start: int
    end: int
    label: Label
    text: str
    value: Any = None


@dataclass(frozen=True, slots=True)
class SlotValue:
    """One filled fact slot: either an entity (by id or index) or a literal."""

    entity: int | None = None
    literal: str | None = None

    def __post_init__(self) -> None:
        if (self.entity is None) == (self.literal is None):
            raise ValueError("a slot holds exactly one of entity or literal")


@dataclass(frozen=True, slots=True)
class FactProposal:
    """A fact as the engine proposes it; slot entities are indexes into Analysis.entities."""

    type: FactType
    slots: dict[str, SlotValue]


@dataclass(slots=True)
class Analysis:
    entities: list[Span]
    facts: list[FactProposal]
    engine_version: str
    model: str = ""


@dataclass(slots=True)
class Entity:
    id: int
    article_id: int
    start: int
    end: int
    label: Label
    text: str
    value: Any
    source: str
    status: Status
    created_at: str
    updated_at: str
    model: str = ""

    @property
    def from_engine(self) -> bool:
        return self.source.startswith(ENGINE_SOURCE_PREFIX)


@dataclass(slots=True)
class Fact:
    """A stored fact; slot entities are entity ids of the same article."""

    id: int
    article_id: int
    type: FactType
    slots: dict[str, SlotValue]
    source: str
    status: Status
    created_at: str
    updated_at: str
    model: str = ""


@dataclass(slots=True)
class Article:
    id: int
    title: str
    raw_text: str
    clean_text: str
    offsets: Any  # core.text.OffsetMap
    script: str
    hash: str
    status: ArticleStatus
    imported_at: str
    source_path: str
    article_date: str | None = None
    repair_report: dict = field(default_factory=dict)
