"""Rule finders for ORG, LOC, PROJECT, DOC and TITLE on the simplified text.

Names are found by their last word (suffix rules) and extended leftwards
(leftext). Places come from the gazetteer plus zone/town patterns; generic
references (我区, 全市, 重点项目, 招商部门) are left out (GUIDELINES 5b/5c).
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.extract import gazetteer
from core.extract.combine import PRIO_DOC, PRIO_RULE, PRIO_WEAK, Cand
from core.extract.leftext import extend_left, trim_lead
from core.extract.tagger_features import PROPER_NOUN_TAGS, everyday_word, jieba_lexicon
from core.model import Label

# ORG suffixes; single characters carry guards against 内部, 局面, 委托 ….
ORG_SUFFIX_RE = re.compile(
    r"(?=[股有公集管委党工人政办服检中卫大学分小幼高医银新报日晚电广通研科协商联基法派支调局部厅网海])"
    r"(?:股份有限公司|有限责任公司|有限公司|公司|集团(?!化)|管委会|管理委员会|委员会|党工委|工委|人民政府|政府|"
    r"办公室|办事处|服务中心|检验中心|中心(?![城区线点卫小学医])|卫生院|(?<![上读考进])大学|学院|分校|(?<!高)中学|(?<![中上])小学|幼儿园|(?<![中高小])学校|医院|银行(?!业)|"
    r"新闻网|报社|日报|晚报|电视台|广播电台|通讯社|研究院|研究所|科学院|协会|学会(?![了])|商会|联合会|基金会|基金|"
    r"法院|检察院|公安局|派出所|大队|支队|调研组|分局|海关(?!总署)|海关总署|"
    r"(?<![格布结大全时当政骗赌饭开残变新僵胜棋战])局(?![长面势部限])|(?<![内外全东西南北中局干总支])部(?![长门分署队件位落级委属])|"
    r"厅(?![长])|(?<![党常])委(?![员托屈婉])|(?<![一官情钱力族管通路水信测联])网(?![络站格上民友点页通办球]))"
)
_SINGLE = set("局部厅委网")
# Whole names that are generic references, not organisations (GUIDELINES 5b).
GENERIC_ORGS = frozenset(
    "党群服务中心 服务中心 本网 我网 该网 内部 外部 全部 干部 总部 局部 东部 西部 南部 北部 中部 "
    "互联网 物联网 电网 主管部 党委 政府 当地政府 地方政府 组委会 "
    "公司 集团 大学 中学 小学 学校 医院 银行 中心 委员会 办公室 国际部 国内部 教育集团 专班办公室".split()
)
COMPANY_SUFFIXES = ("公司", "集团")
# Modifiers and verbs that make a school or body generic (公办小学, 高标准中小学, 办理公司).
_GENERIC_ORG_WORDS = re.compile(
    r"(?:公办|民办|公立|私立|乡村|农村|城市|城里|公募性|公益性|高标准|寄宿制|合作|新开办|共建有|全面|解决|办理|享受到|享受|推进|各级|中|所|有关|相关|上级|主管|"
    r"企业|单位|部门|该|本|我|全区|全市|我区|新建|扩建|改建|两级|各级|三级|级|镇|县|乡|三甲|二甲|定点)"
)
_GOVERNMENT = ("政府", "人民政府")
_SCHOOL_LEAD = re.compile(r"(?:寄宿制|民办|公办|高中|初中|新建|扩建|一所|该校)*")
_SCHOOL_RE = re.compile(r"(?:中学|小学|分校|学校|幼儿园|医院)$")
_BUILDING_NEAR = re.compile(r"投资|开工|建设|完工|新建|扩建|竣工|奠基")

ZONE_SUFFIX_RE = re.compile(
    r"经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|自贸区|保税区|新区|示范区(?!域)|新片区|临空港"
)
_ZONE_BAD_BODY = re.compile(r"党建|教育|特色|城市|人才|示范区域")
_ZONE_LEVEL = re.compile(r"(?:国家级|省级|市级|区级|县级|全国|一流|首批|一批|一个)+")  # 国家级示范区 is a kind
_ZONE_VERBS = re.compile(r"打造|建设|创建|建成|基本|全面")  # the zone's name starts after them
_BARE_ZONES = ("经济技术开发区", "高新技术产业开发区", "经开区", "高新区", "开发区")
# 乡 alone is mostly 乡村/乡愁: a township needs a boundary right after it.
TOWN_SUFFIX_RE = re.compile(r"(?:街道|镇|村|乡(?=[、，,。；的]))(?![长委民干级集组子里庄落镇村务])")
_TOWN_BAD = re.compile(r"(?:[的了和与在是将把被从对向为]|城市|专业|基层|城乡|农村|全镇|全乡|全村|各乡|各镇|各村|贫困|本村|该村|我村|乡村|城镇|重点)")
_TOWN_LEFT_OK = set("、，,。；;：:（(“” \n在到赴和与及")
CLAUSE_PUNCT = "，。；,;!?！？\n"

PROJECT_SUFFIX_RE = re.compile(
    r"项目(?!政策|资金|申报|负责|库)|产业园|工业园|科创园|创业园|科技园|软件园|物流园|基地|[一二三四]期|"
    r"工程(?!师|产品|技术|建设|管理)|加速器|大楼|电站|大桥|隧道|空间站|平台(?=、|等)"
)
GENERIC_PROJECT_WORDS = re.compile(
    r"重点|重大|特别|招商引资|招商|签约|在建|新建|续建|产业|建设|高科技成果|高科技|高新技术|民生|基础设施|城建|工业|"
    r"重中之重|省级|市级|区级|该|本|这些|相关|各类|各|推进|促成|建立|做好|从事|实施|引进|储备|谋划|落地|全区|全市|"
    r"我区|开工|投产|服务|一批|优质|好|大|确保|抓|必|发展|做好|加快|推动|特色|推出|当地|体验|各地|多个|新|"
    r"乡村|休闲|旅游|文旅|农业|生态|文化|示范|试点|民生|惠民|标志性|代表性|关键|龙头|战略性|基础性|先导性|"
    r"生产|第[一二三四五六七八九十\d]+[期个]|一个个|一个|提升|保障|改造|升级|清洁能源|新能源|能源"
)
GENERIC_PROJECT = re.compile(
    r"^(?:重点|重大|招商引资|招商|签约|在建|新建|续建|产业|建设|高科技成果|高新技术|民生|基础设施|"
    r"城建|工业|重中之重|省级|市级|区级|该|本|这些|相关|各类|各)*"
    r"(?:项目|工程|基地|平台)$"
)
_PROJECT_BAD_BODY = re.compile(r"人才|计划|行动|工程师|系统工程|希望工程|空军|海军|陆军|军事|导弹")
DOC_RE = re.compile(r"《([^《》\n]{1,60})》")
# A newspaper or magazine in 《》 is a media outlet (ORG), not a document.
_MEDIA_TITLE = re.compile(r"(?:报|日报|晚报|时报|周报|报道|周刊|杂志|晨报|商报)$")
LIST_ANCHOR_RE = re.compile(r"等?[\d一二三四五六七八九十两]+个[^，。；,;\n]{0,6}?项目")


def find_docs(simp: str) -> list[Cand]:
    """DOC: the content of 《》 without the brackets."""
    return [Cand(m.start(1), m.end(1), Label.ORG if _MEDIA_TITLE.search(m.group(1)) else Label.DOC, PRIO_DOC)
            for m in DOC_RE.finditer(simp)]


def find_titles(simp: str) -> list[Cand]:
    freq, tags = jieba_lexicon()
    return [Cand(m.start(), m.end(), Label.TITLE, PRIO_RULE) for m in gazetteer.title_regex().finditer(simp)
            if not _word_across_start(simp, m.start(), freq, tags)
            and not _longer_word(simp, m.start(), m.end())
            and not _completes_a_place(simp, m.start())]


def _completes_a_place(simp: str, start: int) -> bool:
    """吉林省长白朝鲜族自治县 holds no 省长: its 省 ends one place and its 长 starts another
    (吉林省长韩俊 keeps it)."""
    if simp[start] not in "省市县区州旗":
        return False
    names = gazetteer.place_names()
    if not any(simp[i:start + 1] in names for i in range(max(0, start - 6), start - 1)):
        return False
    return gazetteer.place_prefix(simp[start + 1:start + 25]) > 0


def _longer_word(simp: str, start: int, end: int) -> bool:
    """支持印尼主席国工作 holds no 主席: the title opens a longer word (主席国, 记者站, 书记处)."""
    return any(everyday_word(simp[start:end + k], 20) for k in (1, 2) if end + k <= len(simp))


_ORG_LAST_CHARS = frozenset("学局院司委处办厂行所队校站厅社馆")  # not 部: 部门将


def _word_across_start(simp: str, start: int, freq, tags) -> bool:
    """至少将达到 holds no 少将: an everyday two-character word runs across the title's start.
    财务处处长, 中国外长 and 同济中学校长 keep theirs (a doubled character, a name or an
    organisation's last character before it)."""
    word = simp[start - 1:start + 1] if start else ""
    if (not everyday_word(word, 1000) or word[0] == word[-1]
            or word[0] in _ORG_LAST_CHARS):  # 同济中学校长: 学 ends the school's name
        return False
    return not any(tags.get(simp[i:start]) in PROPER_NOUN_TAGS for i in range(max(0, start - 4), start - 1))


JOINING_WORDS = re.compile(r"会同|携手|协同")  # 财政部会同农业农村部: two bodies


def find_orgs(simp: str, barriers: set[int], projects: list[Cand]) -> list[Cand]:
    """ORG by suffix, extended left; companies stop after a park or project name."""
    project_ends = {c.end for c in projects}
    out = []
    for m in ORG_SUFFIX_RE.finditer(simp):
        suffix = m.group()
        stops = barriers | project_ends if suffix.endswith(COMPANY_SUFFIXES) else barriers
        start = trim_lead(simp, extend_left(simp, m.start(), stops, min_body=2), m.start())
        for joined in JOINING_WORDS.finditer(simp, start, m.start()):  # 财政部会同|农业农村部
            start = joined.end()
        start = _after_speaker(simp, start, m.start())
        if _SCHOOL_RE.search(suffix):
            start = _SCHOOL_LEAD.match(simp, start, m.start()).end()
        if suffix in _GOVERNMENT:  # 以色列政府: a country may begin with a stop character (以)
            start = min(start, _country_before(simp, m.start()))
        if not org_body_ok(simp, start, m.start(), suffix):
            continue
        label = Label.ORG
        country = foreign_country(simp, start, m.start()) if suffix.endswith(COMPANY_SUFFIXES) else 0
        if country:  # 美国|安特罗匹克公司 (GUIDELINES 5e)
            out.append(Cand(start, start + country, Label.LOC, PRIO_RULE))
            start += country
            if not org_body_ok(simp, start, m.start(), suffix):
                continue  # 美国|主要航空公司: a kind of company
        if _SCHOOL_RE.search(suffix) and _BUILDING_NEAR.search(_clause(simp, m.end())):
            label = Label.PROJECT  # a school being built is a project (GUIDELINES: 博文中学)
        out.append(Cand(start, m.end(), label, PRIO_RULE))
    return out


_SAYING = re.compile(r"称|表示|指出|说|透露|强调|宣布")


def _after_speaker(simp: str, start: int, end: int) -> int:
    """美联储副主席称|美国银行: a title and the verb of what its holder said are no part of a
    name that follows them."""
    for title in gazetteer.title_regex().finditer(simp, start, end):
        said = _SAYING.match(simp, title.end(), end)
        if said:
            start = said.end()
    return start


def _country_before(simp: str, end: int) -> int:
    """Start of the longest country name ending at end, else end."""
    for size in range(min(end, 8), 1, -1):
        if gazetteer.country_regex().fullmatch(simp, end - size, end):
            return end - size
    return end


def foreign_country(simp: str, start: int, end: int) -> int:
    """Length of a foreign country name opening a company name, else 0."""
    m = gazetteer.country_regex().match(simp, start, end)
    if m and m.group() != "中国" and end - m.end() >= 2:
        return m.end() - start
    return 0


def org_body_ok(simp: str, start: int, end: int, suffix: str) -> bool:
    """Whether the words before an ORG suffix name something rather than describe it."""
    body = simp[start:end]
    if simp[start:end + len(suffix)] in GENERIC_ORGS or (body and body[0] in "“‘(（"):
        return False
    if suffix in _GOVERNMENT:  # 市政府, 漳州市人民政府; not 当地政府, 享受到政府
        place = body.removesuffix("人民")
        return body in ("省", "市", "县", "区", "镇", "乡") or bool(
            gazetteer.is_place(place) or gazetteer.country_regex().fullmatch(place))
    if simp.endswith("党群服务中心", 0, end + len(suffix)):  # a kind of centre, not a name
        return False
    if suffix in _SINGLE and body[-1:] in "本我该此":  # 本网, 未经本网
        return False
    specific = _GENERIC_ORG_WORDS.sub("", body)
    if _describing_word(specific, suffix):  # 融入中学, 普通学校, 独资公司, 一座大学
        return False
    picked = _SELECTING.match(body)
    if picked and jieba_lexicon()[1].get(body[picked.end():]) in ("n", "vn"):
        return False  # 美国主要航空公司: a kind of company, not one
    return len(specific) >= (2 if suffix in _SINGLE else 1) or suffix in ("管委会", "工委") and body == "区"


_SELECTING = re.compile(r"主要|大型|中小|各大|多家|一些|部分|其他|其它|国内外")


# jieba's tags of words that describe rather than name: adverb, adjective, numeral,
# classifier, pronoun, preposition, conjunction, status word; verbs only before a school
# or company (融入中学, 独资公司), since bureaus are named by their task (建设局, 统计局).
_DESCRIBING_TAGS = frozenset("d a ad an m q r p c z".split())
_VERB_TAGS = frozenset("v vn vd".split())
_NAMED_BY_KIND = re.compile(r"(?:中学|小学|学校|大学|学院|公司)$")


def _describing_word(body: str, suffix: str) -> bool:
    """Whether the whole body before an ORG suffix is one adjective, numeral … word."""
    tag = jieba_lexicon()[1].get(body)
    return tag in _DESCRIBING_TAGS or (tag in _VERB_TAGS and bool(_NAMED_BY_KIND.search(suffix)))


def _clause(simp: str, pos: int) -> str:
    left = max(simp.rfind(p, 0, pos) for p in CLAUSE_PUNCT)
    right = min((i for i in (simp.find(p, pos) for p in CLAUSE_PUNCT) if i >= 0), default=len(simp))
    return simp[left + 1:right]


def find_known_orgs(simp: str) -> list[Cand]:
    """ORG gazetteer: central bodies, media, international organisations."""
    return [Cand(m.start(), m.end(), Label.ORG, PRIO_RULE) for m in gazetteer.org_regex().finditer(simp)]


def find_places(simp: str, barriers: set[int]) -> list[Cand]:
    """LOC: gazetteer names, development zones, and towns/villages after a boundary or place."""
    out = [Cand(s, e, Label.LOC, PRIO_WEAK) for s, e in _gazetteer_places(simp)]
    names = gazetteer.place_names()
    stems = [Cand(c.start, c.end - 1, Label.LOC, PRIO_WEAK) for c in out  # 吉林|省长, if a title takes 省
             if simp[c.end - 1] in "省市县" and simp[c.start:c.end - 1] in names]
    place_ends = {c.end: c.start for c in out}
    for m in ZONE_SUFFIX_RE.finditer(simp):
        if m.start() in place_ends:  # 德州经开区, 漳州高新区
            start = place_ends[m.start()]
        elif m.group() in _BARE_ZONES:  # 经开区 (this zone); 提升经开区 is not a name
            start = m.start()
        else:  # 北方应急(医疗)救援综合示范区
            start = trim_lead(simp, extend_left(simp, m.start(), barriers, min_body=2), m.start())
            for verb in _ZONE_VERBS.finditer(simp, start, m.start()):  # 基本建成|两岸融合发展示范区
                start = verb.end()
            if (m.start() - start < 2 or _ZONE_BAD_BODY.search(simp, start, m.start())
                    or _ZONE_LEVEL.fullmatch(simp, start, m.start())):
                continue
        out.append(Cand(start, m.end(), Label.LOC, PRIO_RULE))
    out.extend(_abbreviations(simp))
    ends = {c.end for c in out}
    for m in TOWN_SUFFIX_RE.finditer(simp):  # a two-character name before the suffix
        start = m.start() - 2
        if start < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in simp[start:m.start()]):
            continue
        left = simp[start - 1] if start else "\n"
        if _TOWN_BAD.match(simp, start) or not (left in _TOWN_LEFT_OK or start in ends):
            continue
        out.append(Cand(start, m.end(), Label.LOC, PRIO_RULE))
    return out + stems


def _gazetteer_places(simp: str) -> list[tuple[int, int]]:
    """Gazetteer names, except inside a longer common word; 河北区域 is 河北, not 河北区."""
    out = []
    names = gazetteer.place_names()
    freq, tags = jieba_lexicon()
    for start, end in gazetteer.place_spans(simp):
        if simp[end - 1:end + 1] in _AREA_WORDS:
            end -= 1
            if simp[start:end] not in names:
                continue
        if not (_inside_common_word(simp, start, end, freq, tags)
                or _words_across_both_ends(simp, start, end)):
            out.append((start, end))
    return out


def _words_across_both_ends(simp: str, start: int, end: int) -> bool:
    """其中国家级 holds no 中国: everyday words run across both its ends (其中, 国家)."""
    return (start > 0 and everyday_word(simp[start - 1:start + 1], 5000)
            and everyday_word(simp[end - 1:end + 1], 5000))


_AREA_WORDS = frozenset("区域 县域 市域".split())


def _inside_common_word(simp: str, start: int, end: int, freq, tags) -> bool:
    """True when a word of up to four characters (five around a two-character name) in
    jieba's dictionary that is not a proper noun holds the place name: 长治久安, 三明治,
    发展中国家 (not 孙中山 or 德州市).

    jieba's dictionary holds every prefix of its words (frequency 0), so a start whose
    text up to the name's end is not even a prefix is dropped after one lookup.
    """
    longest = 5 if end - start == 2 else 4
    size = end - start
    for i in range(max(0, start - 3), start + 1):
        j = end
        count = freq.get(simp[i:j])
        while count is not None:
            if count and j - i > size and tags.get(simp[i:j]) not in PROPER_NOUN_TAGS:
                return True
            j += 1
            if j > len(simp) or j - i > longest:
                break
            count = freq.get(simp[i:j])
    return False


# One-character place abbreviations (GUIDELINES 5c: 黎, 以, 广, 深): each is its own LOC
# inside a run of two or more (中美, 京津冀鲁, 黎以) or after 驻/访/赴 (驻京, 访华).
ABBREVIATIONS = "京津沪渝冀豫辽黑湘皖鲁苏浙赣鄂桂甘晋陕闽粤琼川黔滇藏青宁新港澳台中美英法德日俄韩朝印巴以黎叙伊越欧乌"
_ABBR_RUN_RE = re.compile(rf"(?<![\u4e00-\u9fff])[{ABBREVIATIONS}]{{2,4}}(?=[\u4e00-\u9fff])|(?<=[驻访赴])[{ABBREVIATIONS}华]")
# Runs that are ordinary words, not lists of places.
_ABBR_WORDS = frozenset("中新 新中 以及 中日 新港 中巴 美日 台中 中印 青年 宁新 新台 中宁 港台 中英 新津".split())


def _abbreviations(simp: str) -> list[Cand]:
    out = []
    for m in _ABBR_RUN_RE.finditer(simp):
        if m.group() in _ABBR_WORDS:
            continue
        out.extend(Cand(i, i + 1, Label.LOC, PRIO_WEAK - 1) for i in range(m.start(), m.end()))
    return out


def find_projects(simp: str, barriers: set[int]) -> list[Cand]:
    """PROJECT by suffix with a left boundary, plus the items of 'A、B等N个项目' lists."""
    out = []
    for m in PROJECT_SUFFIX_RE.finditer(simp):
        start = extend_left(simp, m.start(), barriers, min_body=2)
        start = trim_lead(simp, start, m.start())
        name = simp[start:m.end()]
        if not _project_ok(name, m.end() - m.start()):
            continue
        out.append(Cand(start, m.end(), Label.PROJECT, PRIO_RULE))
    out.extend(_listed_projects(simp))
    return out


def _project_ok(name: str, suffix_len: int) -> bool:
    """A named project: some specific words before the suffix, not a scheme or a verb phrase."""
    if not name or name[0] in "“‘(（" or _PROJECT_BAD_BODY.search(name):
        return False
    body = _strip_places(name)[:-suffix_len] if len(_strip_places(name)) > suffix_len else ""
    # A bare …项目 needs more specific words than a park or base does (低空文旅项目 is a kind).
    need = 3 if name.endswith("项目") and suffix_len == 2 else 2
    specific = GENERIC_PROJECT_WORDS.sub("", body)
    if body == specific and jieba_lexicon()[1].get(body) in _VERB_TAGS:
        return False  # 拍摄基地, 生产基地: named by what is done there, a kind of base
    return len(specific) >= need


def _strip_places(name: str) -> str:
    """A project name without leading place words, to test whether anything specific is left."""
    end = gazetteer.place_prefix(name)
    while 0 < end < len(name):
        name = name[end:]
        zone = ZONE_SUFFIX_RE.match(name)
        if zone:
            name = name[zone.end():]
        end = gazetteer.place_prefix(name)
    zone = re.match(r".{0,10}?(?:经济技术开发区|经开区|高新区|开发区)", name)
    if zone and zone.end() < len(name):
        name = name[zone.end():]
    return name


def _listed_projects(simp: str) -> list[Cand]:
    """Items of a list closed by '等N个…项目' are projects (万众智能产业园二期、博文中学3个招商引资项目)."""
    out = []
    for m in LIST_ANCHOR_RE.finditer(simp):
        lo = max(simp.rfind(p, 0, m.start()) for p in CLAUSE_PUNCT + ":：") + 1
        items = simp[lo:m.start()].split("、")
        pos = lo
        for n, item in enumerate(items):
            start, end = pos, pos + len(item)
            pos = end + 1
            if n == 0:  # the first item's start is decided by the sentence, not the list
                start = max(start, extend_left(simp, end, set(), min_body=2))
            start = trim_lead(simp, start, end)
            if 2 <= end - start <= 30 and _project_ok(simp[start:end] + "项目", 2):
                out.append(Cand(start, end, Label.PROJECT, PRIO_RULE + 1))
    return out


@lru_cache(maxsize=1)
def generic_places() -> frozenset[str]:
    return frozenset("我区 全区 全市 全省 全县 全国 我国 国家 全球 各地 本市 本区 我市 我省 城市 当地 "
                     # idioms and words jieba tags as places (天南地北 ns, 新春 ns)
                     "天南地北 大江南北 五湖四海 万水千山 四面八方 长城内外 祖国各地 新春 太阳 月亮".split())
