"""Records shared by the format modules: what is exported, what is imported, reports.

Writers get `ExportDoc`s (one article, its text in the chosen form, the entities
and facts in scope, spans already in that text) and count what they write and
what their format cannot express in an `ExportReport`. Readers yield
`ImportedDoc`s and report bad lines in an `ImportReport`; core/formats/loader.py
stores them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.model import FACT_SLOTS, Article, Entity, Fact, FactType, Label

MAX_PROBLEMS_SHOWN = 3


@dataclass(slots=True)
class ExportDoc:
    article: Article
    text: str  # the clean text, or the raw text with `--text raw`
    entities: list[Entity]  # in text order, spans into `text`
    facts: list[Fact]  # slots point at ids of `entities` (or hold literals)

    def by_id(self) -> dict[int, Entity]:
        return {e.id: e for e in self.entities}


@dataclass(slots=True)
class ExportReport:
    """What an export wrote, and what its format could not express (never silent)."""

    format: str
    path: Path
    written: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)

    def drop(self, what: str, n: int = 1) -> None:
        if n:
            self.dropped[what] += n

    def summary(self) -> str:
        wrote = ", ".join(f"{n} {what}" for what, n in self.written.items()) or "nothing"
        line = f"{self.format}: wrote {wrote} to {self.path}"
        if self.dropped:
            lost = ", ".join(f"{n} {what}" for what, n in sorted(self.dropped.items()))
            line += f"; not expressible in {self.format}: {lost}"
        return line


@dataclass(slots=True)
class ImpEntity:
    key: object  # the file's own id for it (for fact slots)
    start: int
    end: int
    label: str
    status: str = "manual"
    text: str | None = None  # checked against the slice when given
    value: object = None


@dataclass(slots=True)
class ImpFact:
    type: str
    slots: dict[str, tuple[str, object]]  # role -> ("entity", key) | ("literal", text)
    status: str = "manual"


@dataclass(slots=True)
class ImportedDoc:
    where: str  # "line 3", "task 2", "x.ann": names the record in problem reports
    title: str
    text: str
    entities: list[ImpEntity] = field(default_factory=list)
    facts: list[ImpFact] = field(default_factory=list)


@dataclass(slots=True)
class ImportReport:
    format: str
    path: Path
    added: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def problem(self, where: str, reason: str) -> None:
        self.problems.append(f"{where}: {reason}")

    def summary(self) -> str:
        added = ", ".join(f"{n} {what}" for what, n in self.added.items()) or "nothing"
        line = f"{self.format}: imported {added} from {self.path}"
        if self.problems:
            shown = "; ".join(self.problems[:MAX_PROBLEMS_SHOWN])
            more = len(self.problems) - MAX_PROBLEMS_SHOWN
            line += f"; skipped {len(self.problems)} ({shown}{f'; {more} more' if more > 0 else ''})"
        return line


def relation_links(fact: Fact, by_id: dict[int, Entity], report: ExportReport):
    """A fact as relations: (head entity, [(role, entity)]) from its first entity slot.

    Literal slots cannot be relations and are counted; None when fewer than two
    entity slots remain (the whole fact is then counted as dropped).
    """
    filled = []
    for role in FACT_SLOTS[fact.type]:
        slot = fact.slots.get(role)
        if slot is None:
            continue
        if slot.entity is None:
            report.drop("fact literal slots")
        elif slot.entity in by_id:
            filled.append((role, by_id[slot.entity]))
        else:
            report.drop("fact slots on entities out of scope")
    if len(filled) < 2:
        report.drop("facts with under two entity slots")
        return None
    return filled[0][1], filled[1:]


def head_role(fact_type: FactType, label: str, taken: set[str]) -> str | None:
    """The role of a relation head: the first slot (in order) that takes its label."""
    if label not in set(Label):
        return None
    for role, labels in FACT_SLOTS[fact_type].items():
        if role not in taken and Label(label) in labels:
            return role
    return None


def facts_from_relations(relations, labels: dict, status: str = "manual") -> list[ImpFact]:
    """Group (head key, tail key, "type.role") relations back into facts.

    Relations of one head and fact type form one fact until a role repeats; the
    head's own role is the first slot that takes its label.
    """
    facts: list[tuple[object, ImpFact]] = []
    open_facts: dict[tuple, ImpFact] = {}
    for head, tail, name in relations:
        fact_type, _, role = str(name).partition(".")
        if fact_type not in set(FactType) or role not in FACT_SLOTS[FactType(fact_type)]:
            continue
        current = open_facts.get((head, fact_type))
        if current is None or role in current.slots:
            current = ImpFact(fact_type, {}, status)
            open_facts[(head, fact_type)] = current
            facts.append((head, current))
        current.slots[role] = ("entity", tail)
    for head, fact in facts:
        role = head_role(FactType(fact.type), labels.get(head, ""), set(fact.slots))
        if role is not None:
            fact.slots[role] = ("entity", head)
    return [fact for _, fact in facts]
