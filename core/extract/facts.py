"""Fact proposals from the resolved entities (GUIDELINES, Facts): position, investment, metric, event.

Every finder reads the simplified text and the sorted entity list and fills
slots with entity indexes or literals. Scopes are textual: a clause ends at
，；：, a sentence at 。！？ or a line break, so a fact never reaches across them
except where the guidelines say so (a metric's period, an event's date).
"""

from __future__ import annotations

import bisect
import re

from core.extract.facts_position import position_facts
from core.model import FactProposal, FactType, Label, SlotValue, Span

SENTENCE_END = "。！？!?\n"
CLAUSE_END = SENTENCE_END + "，,；;：:"

_CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")
_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
INVEST_RE = re.compile(r"总投资|计划投资|投资|列支|拨付|配发|出资|注资|投入|斥资")
EVENT_ACTIONS = {
    "签约": "签约", "开工": "开工", "奠基": "奠基", "落户": "落户", "续约": "续约", "立项": "立项",
    "完工": "完工", "竣工": "完工", "投产": "投产", "通车": "投产", "通航": "投产", "并网": "投产",
    "投运": "投产", "建成投用": "投产", "建成投产": "投产",
}
EVENT_RE = re.compile("|".join(sorted(EVENT_ACTIONS, key=len, reverse=True)))
VALUE_LABELS = (Label.MONEY, Label.PERCENT, Label.QUANTITY)
GROUP_RE = re.compile(r"等?[\d一二三四五六七八九十两]+个[^，。；,;]{0,6}项目")


class Scope:
    """Clause and sentence bounds of positions, and entity lookups inside them."""

    def __init__(self, simp: str, entities: list[Span]) -> None:
        self.simp = simp
        self.entities = entities
        self.starts = [e.start for e in entities]
        self.clause_marks = [m.start() for m in _CLAUSE_END_RE.finditer(simp)]
        self.sentence_marks = [m.start() for m in _SENTENCE_END_RE.finditer(simp)]

    @staticmethod
    def _bounds(marks: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_left(marks, pos)
        left = marks[i - 1] + 1 if i > 0 else 0
        right = marks[i] if i < len(marks) else length
        return left, right

    def clause(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.clause_marks, pos, len(self.simp))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.sentence_marks, pos, len(self.simp))

    def within(self, lo: int, hi: int, labels: tuple[Label, ...]) -> list[int]:
        """Indexes of entities with one of labels lying inside [lo, hi)."""
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.entities) and self.entities[i].start < hi:
            if self.entities[i].end <= hi and self.entities[i].label in labels:
                out.append(i)
            i += 1
        return out

    def covering(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.entities[i].start <= pos < self.entities[i].end:
            return i
        return None


def find_facts(simp: str, entities: list[Span]) -> list[FactProposal]:
    """All fact proposals, in text order within each type."""
    scope = Scope(simp, entities)
    investments, used_amounts = investment_facts(scope)
    return (position_facts(simp, entities) + investments + metric_facts(scope, used_amounts)
            + event_facts(scope))


def _slots(**values) -> dict[str, SlotValue]:
    out = {}
    for role, value in values.items():
        if value is None or value == "":
            continue
        out[role] = SlotValue(literal=value) if isinstance(value, str) else SlotValue(entity=value)
    return out


def _last_before(indexes: list[int], entities: list[Span], pos: int) -> int | None:
    before = [i for i in indexes if entities[i].end <= pos]
    return before[-1] if before else None


def _sentence_date(scope: Scope, pos: int, sentence_first: bool = False) -> int | None:
    """The DATE governing pos: one earlier in its clause, else one opening the sentence (9月21日，…).

    sentence_first: a metric's period is the sentence's opening date even when the
    clause names another one (增幅较一季度提升 compares with 一季度).
    """
    ents = scope.entities
    lo, _ = scope.clause(pos)
    dated = [i for i in scope.within(lo, pos, (Label.DATE,)) if "start" in (ents[i].value or {})]
    if dated and not sentence_first:
        return dated[-1]
    s_lo, _ = scope.sentence(pos)
    for i in scope.within(s_lo, pos, (Label.DATE,)):
        c_lo, c_hi = scope.clause(ents[i].start)
        rest = scope.simp[c_lo:c_hi].replace(scope.simp[ents[i].start:ents[i].end], "", 1).strip()
        if c_lo < lo and rest in ("", "在", "截至", "自", "从", "于"):
            return i
    return dated[-1] if dated else None


def investment_facts(scope: Scope) -> tuple[list[FactProposal], set[int]]:
    """An actor paying an amount: 投资/列支/拨付/配发 followed closely by MONEY."""
    facts, used = [], set()
    simp, ents = scope.simp, scope.entities
    for m in INVEST_RE.finditer(simp):
        if scope.covering(m.start()) is not None:
            continue  # 德州园区开发投资有限公司: a word inside a name
        lo, hi = scope.clause(m.start())
        money = [i for i in scope.within(m.end(), hi, (Label.MONEY,)) if ents[i].start <= m.end() + 4]
        if not money or re.search(r"[，。；,;]", simp[m.end():ents[money[0]].start]):
            continue
        amount = money[0]
        used.add(amount)
        investor = _last_before(scope.within(lo, m.start(), (Label.ORG,)), ents, m.start())
        after = simp[ents[amount].end:hi]
        project = None
        if not GROUP_RE.search(after):
            projects = scope.within(ents[amount].end, hi, (Label.PROJECT,))
            project = projects[0] if projects else None
        date = _sentence_date(scope, m.start())
        facts.append(FactProposal(FactType.INVESTMENT, _slots(
            investor=investor, amount=amount, project=project, date=date)))
    return facts, used


_METRIC_PATTERNS = (
    (re.compile(r"(?:实现|节约|节省|完成)(?P<ind>[^，。；,;]{2,20}?)$"), None),
    (re.compile(r"(?P<ind>[^，。；,;的]{0,10}(?:专项债|债券|补贴|补助|奖励资金|专项资金))$"), None),
    (re.compile(r"(?P<ind>[^，。；,;]{0,20}?)(?P<trig>(?:同比|环比)?(?:增长|下降|提升|提高|减少|增加|降低))了?约?$"), None),
    (re.compile(r"占比(?:为|达)?$"), "占比"),
    (re.compile(r"规模(?:为|达)?$"), "规模"),
    (re.compile(r"(?P<ind>[^，。；,;]{2,20}?)(?:达到|达)$"), None),
    (re.compile(r"(?P<ind>[^，。；,;、]{2,16}?)(?:新增备案|成功备案|备案)$"), None),
    (re.compile(r"(?P<ind>[^，。；,;、]{2,8}?)(?:最高|不超过|最多)$"), None),  # subsidies are metrics
    (re.compile(r"(?P<ind>[^，。；,;、]{2,12}?)(?:为|共计|合计|累计|总计)$"), None),
)
_HEDGE_ONLY = re.compile(r"超过|不超过|以上|约|近|达|为|共|累计|最高|至今|目前|截至目前|已经|已")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")  # （中亚）班列数量 gives 班列数量, not ）班列数量
_INDICATOR_TAIL = re.compile(r"(?:已|将|力争|有望|预计|分别净|分别|都|共计|合计|累计|在原有基础上)+$")  # not 均: 年均
_CAUSING = re.compile(r"(?<![转出退谦礼])让|使得|(?<![大特天行])使(?![用馆命者])")
_INDICATOR_LEAD = re.compile(r"^(?:时期|期间|全区|全市|全省|全国|我国|所有|我区|我市|并|且|共|累计|其中|已|将获|获得|获)+")


def _indicator(prefix: str) -> str | None:
    """The indicator literal for a value preceded (in its clause) by prefix."""
    for pattern, fixed in _METRIC_PATTERNS:
        m = pattern.search(prefix)
        if not m:
            continue
        if fixed:
            return fixed
        ind = re.split(r"较|(?<![同环])比|与|同比|环比", m.group("ind").strip())[0]
        ind = _CAUSING.split(ind)[-1]  # 虚拟拍摄让|拍摄效率提高55%: what rose follows 让
        ind = _INDICATOR_TAIL.sub("", _INDICATOR_LEAD.sub("", _EDGE_PUNCT.sub("", ind))).strip()
        if ind:
            return ind
        trig = m.groupdict().get("trig")
        if trig:
            return trig
    return None


def metric_facts(scope: Scope, used: set[int]) -> list[FactProposal]:
    """A value with an indicator: 实现X 134.23亿元, 同比增长0.5%, 占比95.3%, 达57家."""
    facts = []
    simp, ents = scope.simp, scope.entities
    for i, ent in enumerate(ents):
        if ent.label not in VALUE_LABELS or i in used:
            continue
        lo, _ = scope.clause(ent.start)
        prev = scope.within(lo, ent.start, tuple(Label))
        while prev and simp[max(lo, ents[prev[-1]].start - 1):ents[prev[-1]].start] in ("较", "比"):
            prev.pop()  # 增幅较一季度提升: the compared date is inside the indicator phrase
        start = ents[prev[-1]].end if prev else lo
        indicator = _indicator(simp[start:ent.start])
        if not indicator or _HEDGE_ONLY.fullmatch(indicator):
            continue
        facts.append(FactProposal(FactType.METRIC, _slots(
            indicator=indicator, value=i, subject=_subject(scope, ent.start),
            period=_sentence_date(scope, ent.start, sentence_first=True))))
    return facts


# A body that reports a figure is its source, not the subject: X最新数据显示, X表示, X介绍.
_SOURCE_AFTER = re.compile(r"(?:最新|发布的?|公布的?)?(?:统计|监测)?(?:数据|报告|统计)?(?:显示|表明|表示|介绍|称|指出|透露|发布|公布)")


def _subject(scope: Scope, pos: int) -> int | None:
    """An ORG/LOC that opens a clause of the sentence before pos (经开区实现…)."""
    lo, _ = scope.sentence(pos)
    for i in scope.within(lo, pos, (Label.ORG, Label.LOC)):
        start = scope.entities[i].start
        c_lo, _ = scope.clause(start)
        head = scope.simp[c_lo:start].strip()
        dateline = scope.simp.startswith(("消息", "讯", "报道", "电"), scope.entities[i].end)
        source = _SOURCE_AFTER.match(scope.simp, scope.entities[i].end)  # 中国轻工业联合会数据显示
        if (head == "" or head in ("同时", "其中", "目前")) and not (dateline or source):
            return i
    return None


def event_facts(scope: Scope) -> list[FactProposal]:
    """One event per project (else per organisation) named with a trigger in its clause."""
    facts = []
    simp = scope.simp
    for m in EVENT_RE.finditer(simp):
        if scope.covering(m.start()) is not None:
            continue
        lo, hi = scope.clause(m.start())
        projects = scope.within(lo, m.start(), (Label.PROJECT,))
        orgs = scope.within(lo, m.start(), (Label.ORG,))
        places = scope.within(lo, hi, (Label.LOC,))
        if not projects and not orgs:
            s_lo, _ = scope.sentence(m.start())
            near = scope.within(s_lo, lo, (Label.PROJECT,))
            projects = near[-1:]
        if not projects and not orgs:
            continue
        action = EVENT_ACTIONS[m.group()]
        date = _sentence_date(scope, m.start())
        place = places[-1] if places else None
        if projects:
            for p in projects:
                facts.append(FactProposal(FactType.EVENT, _slots(
                    action=action, date=date, project=p, org=orgs[-1] if len(orgs) == 1 else None,
                    place=place)))
        else:
            for o in orgs:
                facts.append(FactProposal(FactType.EVENT, _slots(action=action, date=date, org=o, place=place)))
    return facts
