"""Entity rules of core.extract, one label at a time, with GUIDELINES' examples and its 'not' lists."""

from __future__ import annotations

import pytest

from core.extract import analyze


def spans(text: str, tagger=False, **kw) -> set[tuple[str, str]]:
    """(text, label) of what the engine finds: rules alone by default, tagger=None adds the tagger."""
    return {(e.text, str(e.label)) for e in analyze(text, tagger=tagger, **kw).entities}


def labelled(text: str, label: str) -> set[str]:
    return {t for t, lab in spans(text) if lab == label}


@pytest.mark.parametrize("text, expected", [
    ("区行政审批部副部长李爱军介绍。", "副部长"),
    ("山东师范大学党委常委、副校长王洪禹说。", "党委常委"),
    ("山东师范大学党委常委、副校长王洪禹说。", "副校长"),
    ("生态环境分局局长、四级调研员郭本芳说。", "四级调研员"),
    ("区社会事务服务中心副处级干部王金刚表示。", "副处级干部"),
    ("漳州市决策督查调研组一组组长林青率组员调研。", "组长"),
    ("德州新闻网讯 记者王志强通讯员赵庆川", "通讯员"),
    ("公司常务副总经理张三说。", "常务副总经理"),
])
def test_title(text, expected):
    assert expected in labelled(text, "TITLE")


@pytest.mark.parametrize("text, word", [
    ("4位客商代表与公司签约。", "客商代表"),
    ("漳州高新区领导张有利陪同调研。", "领导"),
    ("公司负责人感慨。", "负责人"),
    ("山东有研半导体材料有限公司工作人员李磊仍记得。", "工作人员"),
    ("林青率组员到漳州调研。", "组员"),
    ("杨丹红博士正进行产品实验。", "博士"),
    ("成立生态环境保护委员会。", "委员"),
    ("园区长期坚持。", "区长"),
])
def test_not_title(text, word):
    assert not any(word in t for t in labelled(text, "TITLE"))


@pytest.mark.parametrize("text, expected", [
    ("上海逸众医疗科技有限公司投资2.1亿元。", "上海逸众医疗科技有限公司"),
    ("设立了中共德州经济技术开发区综合委员会,强化领导。", "中共德州经济技术开发区综合委员会"),
    ("。区行政审批部提供全流程免费帮办代办。", "区行政审批部"),
    ("在山东师范大学举行。", "山东师范大学"),
    ("山东师大基础教育集团与我区合作。", "山东师大基础教育集团"),
    ("德州新闻网讯 记者王志强", "德州新闻网"),
    ("由国家发改委立项批准。", "国家发改委"),
    ("近日,漳州市决策督查调研组一组组长林青率组员调研。", "漳州市决策督查调研组"),
    ("4位客商代表与德州园区开发投资有限公司签约。", "德州园区开发投资有限公司"),
    ("各镇街、建设管理部、综合执法部等部门联合开展。", "建设管理部"),
])
def test_org(text, expected):
    assert expected in labelled(text, "ORG")


@pytest.mark.parametrize("text", [
    "强化“两新”组织党组织工作。", "经开区招商部门以促成项目落地为核心。", "区财政列支130万元。",
    "这与当地政府大力支持是分不开的。", "未经本网授权不得转载。",
])
def test_not_org(text):
    assert labelled(text, "ORG") == set()


@pytest.mark.parametrize("text, expected", [
    ("今年以来,德州经开区认真贯彻落实。", "德州经开区"),
    ("提升经开区城市首位度。", "经开区"),
    ("林青率组员到漳州高新区开展调研。", "漳州高新区"),
    ("漳州高新区颜厝镇、九湖镇、靖圆镇村办参加。", "九湖镇"),
    ("石狮岩、下庵村拆迁工地等地。", "下庵村"),
    ("2018年成都市实行的政策。", "成都市"),
    ("山东、北京和美国。", "美国"),
    ("重新调整驻京流动党委。", "京"),
    ("中美关系。", "美"),
])
def test_loc(text, expected):
    assert expected in labelled(text, "LOC")


@pytest.mark.parametrize("text", ["我区持续加大投资力度。", "推动全区发展,全市第一。", "促进全国城市发展。"])
def test_not_loc(text):
    assert labelled(text, "LOC") == set()


@pytest.mark.parametrize("text, expected", [
    ("上海逸众医疗科技有限公司投资2.1亿元上马瓶装消毒剂泵头项目。", "瓶装消毒剂泵头项目"),
    ("9月21日,北方应急(医疗)救援综合示范区产业集聚加速器项目在经开区奠基。",
     "北方应急(医疗)救援综合示范区产业集聚加速器项目"),
    ("我区万众智能产业园二期、京北通宇电子连接器、博文中学3个招商引资项目集中开工。", "万众智能产业园二期"),
    ("我区万众智能产业园二期、京北通宇电子连接器、博文中学3个招商引资项目集中开工。", "博文中学"),
    ("总投资121.14亿元的沪江建筑智能装配基地、宇航派蒙石墨烯应用产业园等12个项目成功签约。",
     "宇航派蒙石墨烯应用产业园"),
    ("加大对京台高速改扩建工程扬尘问题的曝光力度。", "京台高速改扩建工程"),
])
def test_project(text, expected):
    assert expected in labelled(text, "PROJECT")


@pytest.mark.parametrize("text", [
    "在今年2月18日15个重点项目集中开工的基础上。", "有2人入选国家级人才工程。",
    "开展扬尘管控专项整治“雷霆行动”30余次。", "1人入选泰山产业领军人才。",
])
def test_not_project(text):
    assert labelled(text, "PROJECT") == set()


def test_doc_without_brackets():
    text = "区管委会印发关于《德州经济技术开发区招商引资优惠政策》的通知。"
    assert "德州经济技术开发区招商引资优惠政策" in labelled(text, "DOC")


@pytest.mark.parametrize("text, expected", [
    ("9月21日,项目奠基。", "9月21日"), ("2018年8月23日那一天。", "2018年8月23日"),
    ("今年上半年,经开区实现增长。", "今年上半年"), ("今年以来,我区持续加大。", "今年以来"),
    ("提前完成年底前的任务。", "年底前"), ("预计明年初就可以生产。", "明年初"),
    ("三年行动计划(2020—2022)。", "2020—2022"), ("8月31日至9月6日我区排名第二。", "8月31日至9月6日"),
    ("自去年以来,有2人入选。", "去年以来"), ("近日,调研组到高新区。", "近日"),
    ("计划用三年时间建成。", "三年"), ("今天上午,会议召开。", "今天上午"), ("截至今年6月底,完成。", "今年6月底"),
])
def test_date(text, expected):
    assert expected in labelled(text, "DATE")


@pytest.mark.parametrize("text", ["目前,进展顺利。", "近期,曝光问题。", "今后将持续加大。", "下一步,我区将落实。",
                                  "第一时间予以协调。", "区级层面每月召开1次。"])
def test_not_date(text):
    assert labelled(text, "DATE") == set()


@pytest.mark.parametrize("text, label, expected", [
    ("投资2.1亿元上马。", "MONEY", "2.1亿元"), ("列支130万元。", "MONEY", "130万元"),
    ("节约成本44.644万元。", "MONEY", "44.644万元"), ("印章300元/套。", "MONEY", "300元"),
    ("占比95.3%。", "PERCENT", "95.3%"), ("增长0.5%。", "PERCENT", "0.5%"),
    ("提升7.6个百分点。", "PERCENT", "7.6个百分点"), ("超过30%的任务目标。", "PERCENT", "30%"),
    ("约四成企业。", "PERCENT", "四成"), ("村41个。", "QUANTITY", "41个"),
    ("共有1230家企业。", "QUANTITY", "1230家"), ("招聘教师216名。", "QUANTITY", "216名"),
    ("日产101.6吨金针菇。", "QUANTITY", "101.6吨"), ("开展行动30余次。", "QUANTITY", "30余次"),
    ("连续工作6小时。", "QUANTITY", "6小时"), ("气温38℃。", "QUANTITY", "38℃"),
    ("列全市13县市区第2名。", "QUANTITY", "13县市区"),
])
def test_numbers(text, label, expected):
    assert (expected, label) in spans(text)


@pytest.mark.parametrize("text, word", [
    ("列全市第2位。", "2位"), ("列全市13县市区第2名。", "2名"), ("谋划储备一批项目。", "一批"),
    ("迎来一件大喜事。", "一件"), ("建成“五大示范区域”。", "五大"), ("以三大片区开发为抓手。", "三大"),
])
def test_not_quantity(text, word):
    assert not any(word in t for t in labelled(text, "QUANTITY"))


@pytest.mark.parametrize("text, expected", [
    ("德州新闻网讯 记者王志强通讯员赵庆川韩哲", {"王志强", "赵庆川", "韩哲"}),
    ("区行政审批部副部长李爱军介绍。", {"李爱军"}),
    ("(通讯员 高新宣 闽南网记者 梁政 文/图)", {"高新宣", "梁政"}),
    ("。趙興表示,下一步。", {"趙興"}),
    ("9月24日,杨丹红博士正进行产品实验。最近,杨丹红的心情格外好。", {"杨丹红"}),
])
def test_person_rules(text, expected):
    assert labelled(text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    ("本报讯记者杨明方报道：北大哲学系教授", {"杨明方"}),  # the byline ends at 报道
    ("让越来越多的群众明明白白，群众明白的。", set()),  # everyday words after 群众 are no names
    ("一位农村党支部书记来信说", set()),
    ("慎九范说，相信副主席此访", set()),
    ("外交部长普里马科夫，国防部长谢尔盖耶夫", set()),  # transliterations are left to the tagger
    ("管理分公司总经理刘祥惠谈到，西方影院", {"刘祥惠"}),
])
def test_person_rules_do_not_take_words(text, expected):
    assert labelled(text, "PERSON") == expected


@pytest.mark.parametrize("text, expected", [
    ("外交部长普里马科夫，国防部长谢尔盖耶夫", {"普里马科夫", "谢尔盖耶夫"}),
    ("（顾德章吴扬帆摄）", {"顾德章", "吴扬帆"}),  # two names run together are two
])
def test_person_with_tagger(text, expected):
    found = {e.text for e in analyze(text).entities if str(e.label) == "PERSON"}
    assert found == expected


def test_no_person_heading_a_doctrine():
    assert "邓小平" not in {e.text for e in analyze("必须以邓小平理论为指导").entities}


@pytest.mark.parametrize("text, expected", [
    ("穆萨指责以色列政府滥用安全借口", "以色列政府"),  # a country's government is an ORG (5e)
    ("就在这一年，联合国开发计划署与中国青少年发展基金会合作", "联合国开发计划署"),
])
def test_org_names_with_tagger(text, expected):
    assert expected in {e.text for e in analyze(text).entities if str(e.label) == "ORG"}


@pytest.mark.parametrize("text", [
    "以小学自然为基础，渗入中学物理、化学。", "剑桥是座大学城，由很多学院组成", "家合资企业和５家独资公司。",
    "他们在节庆日甚至学校开学的日子", "以打破巴以和谈僵局。", "使３０多万农民学会了科学选种",
    "人情网、金钱网、权力网和家族网还很活跃",
])
def test_not_org_describing_words(text):
    assert labelled(text, "ORG") == set()


@pytest.mark.parametrize("text", [
    "农民彭广欣，与同村的种植能手", "实行村务公开、民主管理", "村民正在查看村务账目。",
    "中央专门发文，对乡镇农技推广机构", "殖专业乡３０个、专业村５０多个。",
])
def test_not_a_village(text):
    assert labelled(text, "LOC") == set()


@pytest.mark.parametrize("text", ["这次年会是在亚行", "接近国外同年龄球员的比赛场次"])
def test_not_date_inside_words(text):
    assert labelled(text, "DATE") == set()


@pytest.mark.parametrize("text", ["花开时节访汉城", "我们去了德州", "德州"])
def test_place_at_the_very_end_keeps_its_offsets(text):
    """The gazetteer matcher once let a name at the end of a text run past it (德州 → end 15)."""
    entities = analyze(text, tagger=False).entities
    assert entities and all(e.end <= len(text) and text[e.start:e.end] == e.text for e in entities)


@pytest.mark.parametrize("text, expected", [
    ("更好的学习环境，经清华大学与英国文化委员会合作", "清华大学"),  # 经 is the sentence's, not the name's
])
def test_org_without_a_leading_function_character(text, expected):
    assert expected in labelled(text, "ORG")


def test_school_year_is_no_date_and_attending_school_no_org():
    entities = spans("周弘曾接触过一个上小学四年级的男孩。", tagger=None)
    assert entities == {("周弘", "PERSON")}


@pytest.mark.parametrize("text, label, expected", [
    ("俄罗斯总统普京日前表示，普京说", "PERSON", {"普京"}),  # jieba tags 普京 a place: still a name
    ("經開區生態環境保護委員會辦公室工作人員說", "ORG", {"經開區生態環境保護委員會辦公室"}),  # 经开区 keeps 经
    ("国家市场监管总局部署开展专项行动", "ORG", {"国家市场监管总局"}),  # 部署 is "deploy"; 国家 is in the name
    ("海地过渡总统委员会宣布", "ORG", {"海地过渡总统委员会"}),
])
def test_engine_keeps_names_the_filters_could_take(text, label, expected):
    assert {e.text for e in analyze(text).entities if str(e.label) == label} == expected


@pytest.mark.parametrize("text, expected", [
    ("在浙江嘉兴，花卉集中亮相。", {"浙江", "嘉兴"}),  # prefecture stems jieba does not tag ns
    ("在黑龙江大庆，游客体验开湖捕鱼。", {"黑龙江", "大庆"}),
    ("在云南楚雄举行乐跑活动。", {"云南", "楚雄"}),  # 楚雄彝族自治州's stem
    ("合肥、石家庄和虹口区。", {"合肥", "石家庄", "虹口区"}),
    ("推动河北区域协调发展。", {"河北"}),  # 区域 is not 河北区
])
def test_gazetteer_prefectures_and_districts(text, expected):
    assert labelled(text, "LOC") == expected


@pytest.mark.parametrize("text", ["保持社会长治久安。", "早餐吃三明治。", "两者大同小异。"])
def test_no_place_inside_a_common_word(text):
    assert labelled(text, "LOC") == set()


@pytest.mark.parametrize("text, expected", [
    ("会议在新疆喀什召开。", [("新疆", "LOC"), ("喀什", "LOC")]),
    ("在重庆江津，花田休闲游。", [("重庆", "LOC"), ("江津", "LOC")]),
    ("来到上海自贸区临港新片区。", [("上海自贸区临港新片区", "LOC")]),  # a named zone stays whole
])
def test_a_tagger_chain_of_places_is_split(text, expected):
    from core.extract.tagmerge import tagger_cands

    start = text.index(expected[0][0])
    end = text.index(expected[-1][0]) + len(expected[-1][0])
    cands = tagger_cands(text, [(start, end, "LOC")], [])
    assert [(text[c.start:c.end], str(c.label)) for c in cands] == expected


@pytest.mark.parametrize("text, name, label, expected", [
    ("第十五届全国运动会倒计时一周年。", "第十五届全国运动会", "ORG", []),  # an event (5d)
    ("统一到党中央决策部署上来。", "党中央决策部署", "ORG", [("党中央", "ORG")]),
    ("保持社会长治久安。", "长治久安", "ORG", []),  # an idiom (jieba l)
    ("看望援疆干部。", "援疆", "LOC", []),
    ("铸牢中华民族共同体意识。", "中华", "LOC", []),
    ("残特奥会吉祥物发布。", "奥", "LOC", []),  # one character that is no place abbreviation
    ("中美关系。", "美", "LOC", [("美", "LOC")]),  # one that is (5c)
    ("踏足月球的人。", "月球", "LOC", []),
    ("申花队渐有起色。", "申花队", "ORG", [("申花队", "ORG")]),  # jieba n, still a team
    ("支援西部建设。", "西部", "LOC", [("西部", "LOC")]),  # a region (5c)
    ("助力粤港澳大湾区建设。", "粤港", "LOC", []),  # inside a known place: 粤港澳大湾区 whole
])
def test_tagger_names_that_are_no_names(text, name, label, expected):
    from core.extract.tagmerge import tagger_cands

    start = text.index(name)
    cands = tagger_cands(text, [(start, start + len(name), label)], [])
    assert [(text[c.start:c.end], str(c.label)) for c in cands] == expected


def test_metric_indicator_starts_after_a_bracket():
    facts = analyze("其中，铁路双口岸站通行中欧（中亚）班列数量达1.35万列。", tagger=False).facts
    assert [f.slots["indicator"].literal for f in facts if str(f.type) == "metric"] == ["班列数量"]


def test_an_official_is_no_title():
    assert labelled("来自东盟国家的200多位政府官员参加。", "TITLE") == set()


@pytest.mark.parametrize("text, expected", [
    ("厄尔尼诺强度至少将达到中等水平。", set()),  # 至少 runs across 少将
    ("住保部门将加强监管。", set()),
    ("财务处处长王强说。", {"处长"}),
    ("同济中学校长张德军说。", {"校长"}),
    ("中国外长王毅表示。", {"外长"}),
])
def test_no_title_where_an_everyday_word_runs_across_it(text, expected):
    assert labelled(text, "TITLE") == expected


@pytest.mark.parametrize("text, absent", [
    ("支持印尼主席国工作。", {("主席", "TITLE"), ("国工作", "PERSON")}),  # 主席国: the presiding country
    ("德州记者站站长说。", {("记者", "TITLE")}),
])
def test_no_title_opening_a_longer_word(text, absent):
    assert not spans(text) & absent


def test_head_of_state_and_party_congress():
    found = spans("国家主席习近平祝贺中共二十大取得圆满成功。", tagger=None)
    assert ("国家主席", "TITLE") in found and ("习近平", "PERSON") in found
    assert not any("二十大" in text for text, _ in found)  # an event, no ORG (5d)


def test_europe_is_a_one_character_place_in_a_run():
    assert [e.text for e in analyze("双方表示，中欧关系稳定发展。", tagger=False).entities] == ["中", "欧"]


@pytest.mark.parametrize("text, label", [
    ("沿江高铁的标志性项目正在加紧施工。", "PROJECT"),  # generic, like 重点项目
    ("国家综合立体交通网主骨架建成率提升。", "ORG"),  # a network, no organisation
])
def test_generic_projects_and_networks(text, label):
    assert {t for t, lab in spans(text, tagger=None) if lab == label} == set()


@pytest.mark.parametrize("text, expected", [
    ("我谨代表老挝人民革命党中央委员会致以祝贺。", {("老挝人民革命党中央委员会", "ORG")}),
    ("干部教育培训是先导性、基础性、战略性工程。", set()),
    ("要大力弘扬理论联系实际的马克思主义学风。", set()),  # a doctrine (5d)
    ("新春佳节，天南地北喜庆祥和。", set()),
    ("从民族村寨到城市街道。", set()),
    ("胡同有了太阳能照明设施。", set()),
    ("5年前，习近平总书记曾来到北京草厂胡同。",
     {("5年前", "DATE"), ("习近平", "PERSON"), ("总书记", "TITLE"), ("北京", "LOC"), ("草厂胡同", "LOC")}),
])
def test_engine_on_a_news_sample(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("吉林省长白朝鲜族自治县新开了惠民食堂。", {("吉林省", "LOC"), ("长白朝鲜族自治县", "LOC")}),
    ("吉林省长韩俊表示。", {("吉林", "LOC"), ("省长", "TITLE"), ("韩俊", "PERSON")}),
    ("企业在华投资建设的第六期项目和第一个生产项目。", {("华", "LOC")}),  # generic projects
])
def test_a_title_that_would_cut_two_places(text, expected):
    assert spans(text, tagger=None) == expected


def test_no_name_opened_by_an_everyday_word():
    assert labelled("这里的村民曾经靠在高原地区放牧为生。", "PERSON") == set()


@pytest.mark.parametrize("text, expected", [
    ("包括美联航在内的美国主要航空公司均于7日开始削减航班。", {("美国", "LOC"), ("7日", "DATE")}),
    ("南水北调东线一期工程从江苏江都抽引长江水。",
     {("南水北调东线一期工程", "PROJECT"), ("江苏", "LOC"), ("江都", "LOC"), ("长江", "LOC")}),
    ("为提升工程安全、供水安全的综合保障能力。", set()),
])
def test_kinds_of_companies_places_opening_names_and_verbs_before_projects(text, expected):
    found = spans(text, tagger=None)
    assert {f for f in found if f[0] != "美联航"} == expected


@pytest.mark.parametrize("text, expected", [
    ("迪亚斯-卡内尔表示，欣悉您再次当选。", ("迪亚斯-卡内尔", "PERSON")),  # one name across a hyphen
    ("记者从中国物流与采购联合会了解到。", ("中国物流与采购联合会", "ORG")),  # 与 inside a known name
    ("中线一期工程自丹江口水库引水北上。", ("丹江口", "LOC")),  # not the tagger's 丹江
])
def test_names_the_rules_would_cut(text, expected):
    assert expected in spans(text, tagger=None)


@pytest.mark.parametrize("text, expected", [
    ("以色列国防部长加兰特4日称。", {("以色列", "LOC"), ("国防部长", "TITLE"), ("加兰特", "PERSON"), ("4日", "DATE")}),
    ("掩盖乌军在俄库尔斯克方向的失败。", {("俄", "LOC"), ("库尔斯克", "LOC")}),  # 乌军 is an army
    ("讨论结束俄乌冲突的问题。", {("俄", "LOC"), ("乌", "LOC")}),
])
def test_international_news(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("现有畜禽品种49个，其中国家级核心育种场8家。", {("49个", "QUANTITY"), ("8家", "QUANTITY")}),
    ("今年是澳门回归祖国25周年。", {("今年", "DATE"), ("澳门", "LOC")}),  # an anniversary, not 25 weeks
    ("通过建立天空地一体化监测网守护生态。", set()),
    ("一个个清洁能源项目不断见证。", set()),
    ("在横琴创办了一家港澳青年孵化中心。", {("横琴", "LOC"), ("港澳青年孵化中心", "ORG")}),
    ("在中国家电市场上。", {("中国", "LOC")}),  # not the tagger's 中
])
def test_more_news_sentences(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("白俄罗斯总统卢卡申科说。", {("白俄罗斯", "LOC"), ("总统", "TITLE"), ("卢卡申科", "PERSON")}),  # not 卢卡|申科
    ("近日，财政部会同农业农村部下达资金2.19亿元。",
     {("近日", "DATE"), ("财政部", "ORG"), ("农业农村部", "ORG"), ("2.19亿元", "MONEY")}),
])
def test_transliterations_and_joined_bodies(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("美联储副主席称美国银行体系稳健。",  # the speaker is no part of the bank's name
     {("美联储", "ORG"), ("副主席", "TITLE"), ("美国银行", "ORG")}),
    ("美联储副主席称美银行业整体稳健。", {("美联储", "ORG"), ("副主席", "TITLE"), ("美", "LOC")}),
    ("中国银行业协会发布报告。", {("中国银行业协会", "ORG")}),  # an industry, and its association
    ("海地过渡总统委员会发表声明。", {("海地过渡总统委员会", "ORG")}),  # a title inside a name stays
    ("乌克兰苏梅州遭到袭击。", {("乌克兰", "LOC"), ("苏梅州", "LOC")}),  # Sumy oblast, not 苏 + 梅州
])

def test_speakers_industries_and_front_line_oblasts(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("让这个开园还不到半年的拍摄基地迅速成为行业标杆。", {("半年", "DATE")}),  # a kind of base
    ("随后，完成空间站组装任务。", set()),
    ("公司在德州建设生产基地。", {("德州", "LOC")}),
    ("万众智能产业园二期开工。", {("万众智能产业园二期", "PROJECT")}),
])
def test_a_base_named_by_a_verb_is_a_kind(text, expected):
    assert spans(text, tagger=None) == expected


def test_indicator_without_a_period_word_or_a_plan():
    facts = analyze("“十五五”时期全国公共机构单位建筑面积碳排放将力争下降8.5%。").facts
    assert [f.slots["indicator"].literal for f in facts] == ["公共机构单位建筑面积碳排放"]


@pytest.mark.parametrize("text, indicator", [
    ("虚拟拍摄让拍摄效率提高55%。", "拍摄效率"),  # what rose is what follows 让
    ("新技术使生产成本降低20%。", "生产成本"),
    ("今年使用量增长5%。", "使用量"),  # 使用 is no 使
    ("股权转让金额为5亿元。", "股权转让金额"),  # 转让 is no 让
])
def test_indicator_after_a_causing_verb(text, indicator):
    assert [f.slots["indicator"].literal for f in analyze(text).facts] == [indicator]


@pytest.mark.parametrize("text, expected", [
    ("对广大发展中国家也具有重要的借鉴价值。", set()),  # 发展中国家 holds no 中国
    ("目标是在福建全省域基本建成两岸融合发展示范区。", {("福建", "LOC"), ("两岸融合发展示范区", "LOC")}),
    ("建设国家级示范区。", set()),
    ("由中共中央对外联络部和中共重庆市委共同主办。", {("中共中央对外联络部", "ORG"), ("中共重庆市委", "ORG")}),
])
def test_zones_and_central_bodies(text, expected):
    assert spans(text, tagger=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("各地持续做好新冠肺炎互联网诊疗服务。", set()),  # 互联网 is no ORG
    ("患者可以在三甲医院的转诊通道加快接诊。", set()),  # a kind of hospital
    ("巴西农业部长法瓦罗在巴西利亚表示。",
     {("巴西", "LOC"), ("农业部长", "TITLE"), ("法瓦罗", "PERSON"), ("巴西利亚", "LOC")}),
])
def test_world_capitals_and_kinds_of_bodies(text, expected):
    assert spans(text, tagger=None) == expected


def test_no_metric_named_by_a_time_word():
    facts = analyze("省妇幼保健院等多家医院，至今已为15000多人提供服务。").facts
    assert [f for f in facts if str(f.type) == "metric"] == []
