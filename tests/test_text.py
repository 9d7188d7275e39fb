"""Lead, dateline, byline and sub-heading removal: one table per rule."""
import pytest

from briefing.read.text import strip_lead, strip_opener, strip_subheading


@pytest.mark.parametrize("raw, clean", [
    ("本报讯（记者 王五）4月21日上午,区里开会。", "4月21日上午,区里开会。"),
    ("本报讯 近日,区里开会。", "近日,区里开会。"),
    ("新华社北京1月5日电（记者 某某）国务院召开常务会议。", "国务院召开常务会议。"),
    ("新华社美国马斯卡廷2月1日电(记者王强\u3000苗壮)他表示有信心。", "他表示有信心。"),
    ("伦敦2月17日电 (记者 周兆军)布莱尔发表演讲。", "布莱尔发表演讲。"),
    ("1月24日电 据外媒报道，德国警方逮捕一名男子。", "德国警方逮捕一名男子。"),
    ("参考消息网1月31日报道 外媒称，日本首相访问菲律宾。", "外媒称，日本首相访问菲律宾。"),
    ("中青在线华盛顿讯(中国青年报·中青在线驻美国记者 刘平) 熊猫回国。", "熊猫回国。"),
    ("【环球时报综合报道】近日，消息引发争论。", "近日，消息引发争论。"),
    ("<p>\u3000\u3000巴塞罗那举行春节游行", "巴塞罗那举行春节游行"),
    ("原标题：特朗普称瑞典出事了", "特朗普称瑞典出事了"),
    ("（记者 张三）项目开工。", "项目开工。"),
    ("本报记者 李四 王五 项目开工。", "项目开工。"),
    ("有舆论指出，这是工具。(央视记者 卢星海)", "有舆论指出，这是工具。"),
])
def test_leads_datelines_and_bylines_are_removed(raw, clean):
    assert strip_lead(raw) == clean


@pytest.mark.parametrize("text", [
    "11月4日上午，国家主席习近平在北京会见俄罗斯总理。",
    "他在1月5日报道了此事。",
    "他1月5日电话告知家人。",
    "据统计，全年增长5%。",
    "据了解，项目进展顺利。",
    "（此前已签约。）",
    "",
])
def test_ordinary_sentences_are_kept(text):
    assert strip_lead(text) == text


@pytest.mark.parametrize("raw, clean", [
    ("聚焦“五破五促”目标任务 围绕重点工作持续发力推进。", "围绕重点工作持续发力推进。"),
    ("短句 没了", "短句 没了"),
    ("没有小标题的一句话，照常保留。", "没有小标题的一句话，照常保留。"),
    # never inside brackets or a Latin name, never half of a two-part headline
    ("俄罗斯常驻联合国代表丘尔金(Vitaly Churkin)20日在纽约突然去世，终年64岁。",
     "俄罗斯常驻联合国代表丘尔金(Vitaly Churkin)20日在纽约突然去世，终年64岁。"),
    ("美国国务卿候选人蒂尔纳森 Rex Tillerson在听证会上表示不会反对该协议。",
     "美国国务卿候选人蒂尔纳森 Rex Tillerson在听证会上表示不会反对该协议。"),
    ("《青溪区乡村振兴 三年行动方案》正式印发并开始实施。", "《青溪区乡村振兴 三年行动方案》正式印发并开始实施。"),
    ("走出去对接优质资源 引进来壮大特色产业集群", "走出去对接优质资源 引进来壮大特色产业集群"),
    ("韩民众集会示威反对部署 打出标语反对威胁中国的萨德", "韩民众集会示威反对部署 打出标语反对威胁中国的萨德"),
])
def test_run_in_subheadings(raw, clean):
    assert strip_subheading(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("11月4日上午，国家主席习近平在北京会见俄罗斯总理。", "国家主席习近平在北京会见俄罗斯总理。"),
    ("当地时间11月1日至2日，韩正访问科威特并会晤埃米尔。", "韩正访问科威特并会晤埃米尔。"),
    ("记者从中国机械工业联合会获悉，我国机器人产量快速增长。", "我国机器人产量快速增长。"),
    ("德国警方在诺伊斯(Neuss)逮捕了一名男子。", "德国警方在诺伊斯逮捕了一名男子。"),
    ("近日，短句。", "近日，短句。"),  # too short once cut: kept whole
    ("他说，项目开工了。", "他说，项目开工了。"),
])
def test_openers_and_asides_are_cut_from_summary_sentences(raw, clean):
    assert strip_opener(raw) == clean
