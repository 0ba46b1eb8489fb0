"""Facts proposed by core.extract (GUIDELINES, Facts) and the engine's contract."""

from __future__ import annotations

import pytest

from core.extract import ENGINE_VERSION, analyze
from core.model import FactType, Label
from core.text import repair, simplified_view
from tests.conftest import SEEDS


def facts_as_text(text: str, **kw) -> list[tuple[str, dict[str, str]]]:
    a = analyze(text, tagger=False, **kw)
    out = []
    for f in a.facts:
        slots = {role: a.entities[s.entity].text if s.entity is not None else s.literal
                 for role, s in f.slots.items()}
        out.append((str(f.type), slots))
    return out


def test_position_chain():
    facts = facts_as_text("”区行政审批部副部长李爱军介绍。")
    assert ("position", {"person": "李爱军", "title": "副部长", "org": "区行政审批部"}) in facts


def test_byline_one_fact_per_name():
    facts = facts_as_text("德州新闻网讯记者王志强通讯员赵庆川韩哲\n\n9月21日,项目奠基。")
    assert facts == [
        ("position", {"person": "王志强", "title": "记者", "org": "德州新闻网"}),
        ("position", {"person": "赵庆川", "title": "通讯员"}),
        ("position", {"person": "韩哲", "title": "通讯员"}),
    ]


def test_titles_share_the_chain_org():
    facts = facts_as_text("。山东师范大学党委常委、副校长、山东师大基础教育集团理事长王洪禹说。")
    assert ("position", {"person": "王洪禹", "title": "副校长", "org": "山东师范大学"}) in facts
    assert ("position", {"person": "王洪禹", "title": "理事长", "org": "山东师大基础教育集团"}) in facts


def test_investment():
    facts = facts_as_text("。上海逸众医疗科技有限公司投资2.1亿元上马瓶装消毒剂泵头项目。")
    assert ("investment", {"investor": "上海逸众医疗科技有限公司", "amount": "2.1亿元",
                           "project": "瓶装消毒剂泵头项目"}) in facts


def test_investment_total_over_a_group_has_no_project():
    facts = facts_as_text("1至8月,总投资121.14亿元的沪江建筑智能装配基地、宇航派蒙石墨烯应用产业园等12个项目成功签约。")
    assert ("investment", {"amount": "121.14亿元", "date": "1至8月"}) in facts


def test_metric_with_subject_and_period():
    facts = facts_as_text("据统计,今年上半年,经开区实现地区生产总值134.23亿元,同比增长0.5%。", article_date="2020-09-28")
    assert ("metric", {"indicator": "地区生产总值", "value": "134.23亿元", "subject": "经开区",
                       "period": "今年上半年"}) in facts


def test_event_per_project_with_date_and_place():
    facts = facts_as_text("9月21日,北方应急(医疗)救援综合示范区产业集聚加速器项目在经开区奠基。")
    assert facts == [("event", {"action": "奠基", "date": "9月21日",
                                "project": "北方应急(医疗)救援综合示范区产业集聚加速器项目", "place": "经开区"})]


def test_entry_into_service_is_production():
    facts = facts_as_text("5月1日,京台高速改扩建工程建成通车。")
    assert [f[1]["action"] for f in facts if f[0] == "event"] == ["投产"]


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return [repair(p.read_text("utf-8")).clean for p in sorted(SEEDS.glob("*.txt"))]


def test_seed_spans_are_flat_sorted_and_slices(seed_texts):
    for clean in seed_texts:
        a = analyze(clean, tagger=False)
        assert a.engine_version == ENGINE_VERSION
        previous_end = 0
        for e in a.entities:
            assert e.start >= previous_end and e.end > e.start
            assert e.text == clean[e.start:e.end]
            previous_end = e.end
        for f in a.facts:
            for slot in f.slots.values():
                assert slot.entity is None or 0 <= slot.entity < len(a.entities)


def test_traditional_text_gives_traditional_spans(seed_texts):
    clean = seed_texts[1]
    assert simplified_view(clean) != clean
    a = analyze(clean, tagger=False)
    texts = {e.text for e in a.entities}
    assert "漳州市決策督查調研組" in texts and "漳州市决策督查调研组" not in texts
    simplified = analyze(simplified_view(clean), tagger=False)
    assert [(e.start, e.end, e.label) for e in a.entities] == [(e.start, e.end, e.label) for e in simplified.entities]


def test_lexicon_is_applied_longest_first():
    text = "石狮岩(九湖国控点)空气质量好转,石狮岩周边。"
    a = analyze(text, tagger=False, lexicon=[("石狮岩", Label.LOC), ("九湖国控点", "LOC"), ("九湖", Label.ORG)])
    found = [(e.text, e.label) for e in a.entities]
    assert found.count(("石狮岩", Label.LOC)) == 2 and ("九湖国控点", Label.LOC) in found
    assert ("九湖", Label.ORG) not in found


def test_lexicon_matches_across_scripts():
    a = analyze("漳州高新區片仔癀科技大樓", tagger=False, lexicon=[("片仔癀科技大楼", Label.PROJECT)])
    assert ("片仔癀科技大樓", Label.PROJECT) in [(e.text, e.label) for e in a.entities]


def test_deterministic(seed_texts):
    first = analyze(seed_texts[0], article_date="2020-09-28", tagger=False)
    second = analyze(seed_texts[0], article_date="2020-09-28", tagger=False)
    assert first.entities == second.entities and first.facts == second.facts


class FakeTagger:
    """A NameTagger stand-in: fixed spans on the simplified text."""

    model_name = "fake-1"

    def __init__(self, spans):
        self.spans = spans

    def tag(self, simplified):
        return [(s, e, k) for s, e, k in self.spans if e <= len(simplified)]


def test_tagger_names_and_chains():
    text = "德州经济技术开发区综合委员会主任张三说,记者李四到场。"
    tagger = FakeTagger([(0, 9, "LOC"), (9, 14, "ORG"), (16, 18, "PER"), (20, 24, "PERSON")])
    a = analyze(text, tagger=tagger)
    found = {(e.text, str(e.label)) for e in a.entities}
    assert ("德州经济技术开发区综合委员会", "ORG") in found
    assert ("张三", "PERSON") in found and ("李四", "PERSON") in found  # 记者 trimmed off the tagger's span
    assert a.model == "fake-1"
    assert any(f.type is FactType.POSITION for f in a.facts)


def test_runs_without_a_tagger_model():
    a = analyze("9月21日,项目奠基。")
    assert a.entities and a.engine_version == ENGINE_VERSION


def test_rules_check_the_tagger():
    text = "加强党群服务中心建设,积极推进上海逸众医疗科技有限公司投产,石狮岩(九湖国控点)。"
    org = text.index("推进上海")
    person = text.index("石狮岩")
    simp_spans = [(0, 8, "ORG"), (org, org + 14, "ORG"), (person, person + 7, "PER")]
    a = analyze(text, tagger=FakeTagger(simp_spans))
    found = {(e.text, str(e.label)) for e in a.entities}
    assert ("上海逸众医疗科技有限公司", "ORG") in found
    assert not any("党群服务中心" in t for t, _ in found)
    assert not any(label == "PERSON" for _, label in found)


def test_a_body_reporting_a_figure_is_its_source_not_the_subject():
    from core.extract import analyze

    facts = analyze("中国轻工业联合会最新数据显示，今年前5个月，规模以上轻工业增加值同比增长7.0%。").facts
    (metric,) = [f for f in facts if str(f.type) == "metric"]
    assert metric.slots["indicator"].literal == "规模以上轻工业增加值"
    assert "subject" not in metric.slots


def test_metric_indicators_are_whole_words():
    from core.extract import analyze

    text = ("家具类商品零售额同比增长21.4%，家用电器和音像器材类商品零售额增长30.2%。"
            "我国外贸进出口总值增长5%，第一、二、三产业用电量分别增长6%、7%和8%，经济年均增长5.2%。")
    indicators = [f.slots["indicator"].literal for f in analyze(text).facts if str(f.type) == "metric"]
    assert indicators[:4] == ["家具类商品零售额", "家用电器和音像器材类商品零售额", "外贸进出口总值",
                              "第一、二、三产业用电量"]
    assert "经济年均" in indicators
