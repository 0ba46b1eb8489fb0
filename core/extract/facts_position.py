"""Position facts: chains of ORG? TITLE (、 ORG? TITLE)* PERSON+ (GUIDELINES rule 4).

区行政审批部副部长李爱军 gives (李爱军, 副部长, 区行政审批部); a title shared by
several names (通讯员赵庆川韩哲) gives one fact per name; 党委常委、副校长 inherit
the organisation named before them. In a byline 记者 takes the outlet named on
that line (德州新闻网讯 记者王志强), 通讯员 never has an organisation.
"""

from __future__ import annotations

import re

from core.model import FactProposal, FactType, Label, SlotValue, Span

# What may stand between two links of a chain: nothing, a list comma, spaces.
_LINK_GAP = re.compile(r"[\s、]*")
# Between an organisation and its title a short unit name may stand (调研组一组组长).
_ORG_TITLE_GAP = re.compile(r"[一二三四五六七八九十\d]?[组科处室队]?")
_OUTLET = re.compile(r"(?:网|报|社|台|电视台|新闻网|日报|晚报)$")
_NO_ORG_TITLES = ("通讯员",)


def _byline_outlet(simp: str, entities: list[Span], index: int) -> int | None:
    """The outlet ORG earlier on the same line as title `index` (德州新闻网讯 记者…)."""
    line_start = simp.rfind("\n", 0, entities[index].start) + 1
    for j in range(index - 1, -1, -1):
        ent = entities[j]
        if ent.start < line_start:
            break
        if ent.label is Label.ORG and _OUTLET.search(simp[ent.start:ent.end]):
            return j
    return None


def position_facts(simp: str, entities: list[Span]) -> list[FactProposal]:
    facts: list[FactProposal] = []
    pending: list[tuple[int, int | None]] = []  # (title index, org index)
    org: int | None = None
    prev: Span | None = None
    after_person = False
    for i, ent in enumerate(entities):
        gap = simp[prev.end:ent.start] if prev else ""
        linked = prev is not None and (
            _LINK_GAP.fullmatch(gap)
            or (prev.label is Label.ORG and ent.label is Label.TITLE and _ORG_TITLE_GAP.fullmatch(gap)))
        if not linked:
            pending, org, after_person = [], None, False
        if ent.label is Label.ORG:
            if after_person:
                pending, after_person = [], False
            org = i
        elif ent.label is Label.TITLE:
            if after_person:
                pending, after_person = [], False
                org = org if prev is not None and prev.label is Label.ORG else None
            title = simp[ent.start:ent.end]
            owner = None if title.endswith(_NO_ORG_TITLES) else org
            if owner is None and title.endswith("记者"):
                owner = _byline_outlet(simp, entities, i)
            pending.append((i, owner))
        elif ent.label is Label.PERSON and pending:
            for title_index, owner in pending:
                slots = {"person": SlotValue(entity=i), "title": SlotValue(entity=title_index)}
                if owner is not None:
                    slots["org"] = SlotValue(entity=owner)
                facts.append(FactProposal(FactType.POSITION, slots))
            after_person = True
        else:
            pending, org, after_person = [], None, False
        prev = ent
    return facts
