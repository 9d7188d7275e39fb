"""Chinese offices: the title chain before a name (中共中央政治局常委、国务院总理), its protocol rank, and
whether the name after it is a Chinese official's (not a foreigner's, not a word beside a title)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

#: Offices a title ends with, longest first so that 副委员长 wins over 委员长 and 常委 over 委员.
OFFICES = tuple(sorted((
    "总书记", "书记", "副书记", "主席", "副主席", "总理", "副总理", "委员长", "副委员长", "国务委员", "政治局常委",
    "政治局委员", "常委", "部长", "副部长", "部长助理", "主任", "副主任", "省长", "副省长", "市长", "副市长", "区长",
    "副区长", "县长", "副县长", "镇长", "副镇长", "乡长", "副乡长", "秘书长", "副秘书长", "院长", "副院长", "检察长",
    "行长", "署长", "局长", "副局长", "厅长", "副厅长", "党组成员", "行政长官", "主任委员", "部长级", "旗长", "州长",
    "盟长", "区长助理", "市长助理", "组长", "副组长", "代省长", "代市长", "代区长", "代县长", "代镇长", "代乡长",
), key=len, reverse=True))
OFFICE_RE = re.compile("|".join(OFFICES))
#: Offices that name their level themselves, so they need no unit before them (区长何志强).
_SELF_STANDING = re.compile(r"^(?:常务)?[副代]?(?:省|市|区|县|镇|乡|旗|州)长$|^国务委员$")
#: The last character of a unit before an office (区委, 国务院, 全国政协, 中共中央, 商务部, 管委会…);
#: anything else before an office is a name or a word (习近平主席, 两国总理, 轮值主席).
_UNIT_END = set("委部院府省市区县镇乡旗州盟组会办局厅协大央家室署行团社司所处站军党校馆宫队")
#: Words that end the run-up to a title: what comes before them is not part of the office.
_CUT_RE = re.compile(r"(?:的还有|的有|还有|以及|包括|出席|参加|陪同|会见|主持|听取|率领|带领|看望|慰问|邀请|"
                     r"成员|代表|(?<!工作)的|[在由是了等向同与给请应和及])(?!外|急|社会|信息化|城乡|旅游|文献|计划|改革)")
#: A place in the title of a name just before a bare 省长 / 市长 joined by 和 or 、.
_PLACE_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:省|市|区|县)委(?:副)?书记[\u4e00-\u9fff]{2,3}[和、]$")
_CENTRAL_START = re.compile(r"中共中央|中央|国务院|全国|国家|最高人民|中国")
#: Words that make a segment central (国务委员兼国务院秘书长, 国家发展改革委主任, 商务部部长).
_CENTRAL_MARK = re.compile(r"中共中央|中央|国务院|全国|国家|最高人民|中国|政治局|书记处|国务委员|总书记|委员长|总理")
_CENTRAL_UNIT = re.compile(r"部|委员会|总局|总署|银行|证监会|金融监管|科学院|工程院")
_LEVELS = (  # (a local unit's marker, base rank): the superior level first
    (r"北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川"
     r"|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|省|自治区|兵团", 100),
    (r"市(?!场)|州|盟", 200),  # 市场监管 is no city, 区域 no district, 城乡 and 乡村 no township
    (r"区(?!域)|县(?!域)|旗", 300),
    (r"镇|(?<!城)乡(?!村)|街道", 400),
)
_CENTRAL = (  # (pattern on one segment of a title, rank): the built-in central protocol order
    (r"总书记|^国家主席|中央军委主席|^军委主席", 0), (r"国务院总理|^总理", 10), (r"全国人大常委会委员长", 20),
    (r"全国政协主席", 30), (r"政治局常委", 40), (r"国家副主席", 50), (r"政治局委员", 60), (r"军委副主席", 65),
    (r"书记处书记|中央办公厅主任", 70), (r"国务委员|副总理", 80), (r"副委员长", 85),
    (r"最高人民法院院长|最高人民检察院检察长", 88), (r"全国政协副主席", 90), (r"副主席", 92),
    (r"副部长|副主任|副局长|副院长|副秘书长|部长助理", 98), (r"部长|主任|局长|署长|行长|院长|秘书长|书记|主席", 95),
)
_SAR_HEAD = re.compile(r"特别行政区行政长官$")
_LOCAL = (  # (pattern on one segment, rank within its level): 书记, 长, 人大, 政协, 副书记, 常委, 副职, 党组
    (r"副书记", 4), (r"纪委书记|纪委.*主任", 5), (r"书记", 0), (r"人大常委会副主任", 6), (r"人大常委会主任", 2),
    (r"政协副主席", 7), (r"政协主席", 3), (r"常委", 5), (r"副(?:省|市|区|县|镇|乡|旗|州)长$", 6),
    (r"(?<!副)(?:省|市|区|县|镇|乡|旗|州)长$|政府主席|行政长官", 1), (r"党组成员", 8), (r"秘书长", 9),
    (r"副", 12), (r".", 10),
)
#: Foreign or international bodies: an office there is a guest's, whom a leader met.
_FOREIGN_RE = re.compile(
    r"联合国|(?<!中国)国际|世界|欧盟|欧洲|非盟|东盟|北约|亚太经合|上合组织|金砖|海合会|阿盟|伊斯兰|"
    r"美国|俄罗斯|日本|韩国|朝鲜|英国|法国|德国|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|冰岛|"
    r"爱尔兰|奥地利|波兰|捷克|斯洛伐克|匈牙利|罗马尼亚|保加利亚|塞尔维亚|克罗地亚|斯洛文尼亚|希腊|土耳其|乌克兰|"
    r"白俄罗斯|哈萨克斯坦|乌兹别克斯坦|吉尔吉斯|塔吉克斯坦|土库曼斯坦|蒙古国|越南|老挝|柬埔寨|泰国|缅甸|马来西亚|"
    r"新加坡|印度|巴基斯坦|孟加拉|斯里兰卡|尼泊尔|阿富汗|伊朗|伊拉克|叙利亚|约旦|以色列|巴勒斯坦|沙特|阿联酋|"
    r"卡塔尔|科威特|阿曼|也门|埃及|利比亚|突尼斯|阿尔及利亚|摩洛哥|南非|尼日利亚|埃塞俄比亚|肯尼亚|坦桑尼亚|"
    r"喀麦隆|加纳|安哥拉|赞比亚|津巴布韦|刚果|苏丹|巴西|阿根廷|智利|秘鲁|哥伦比亚|委内瑞拉|墨西哥|古巴|加拿大|"
    r"澳大利亚|新西兰|斐济|萨摩亚|巴布亚|汤加|牙买加|乌拉圭|厄瓜多尔|玻利维亚|巴拿马|尼加拉瓜|洪都拉斯|"
    r"格鲁吉亚|亚美尼亚|阿塞拜疆|印度尼西亚|印尼|菲律宾|文莱|东帝汶|马尔代夫|毛里求斯|马达加斯加|塞内加尔|"
    r"科特迪瓦|马里|乍得|卢旺达|乌干达|莫桑比克|纳米比亚|博茨瓦纳|吉布提|索马里|黎巴嫩|巴林|拉脱维亚|立陶宛|"
    r"爱沙尼亚|卢森堡|摩纳哥|马耳他|塞浦路斯|阿尔巴尼亚|北马其顿|黑山|波黑|摩尔多瓦|国民党|民进党|越共|古共|老党|劳动党|人民革命党|"
    r"特立尼达|多米尼加|多米尼克|圭亚那|苏里南|瓦努阿图|所罗门|基里巴斯|密克罗尼西亚|马绍尔|帕劳|图瓦卢|瑙鲁|"
    r"塞舌尔|科摩罗|贝宁|多哥|布基纳法索|尼日尔|几内亚|塞拉利昂|利比里亚|冈比亚|佛得角|毛里塔尼亚|厄立特里亚|"
    r"南苏丹|中非共和国|加蓬|布隆迪|马拉维|莱索托|埃斯瓦蒂尼|不丹|(?<!内)蒙古|哥斯达黎加|萨尔瓦多|危地马拉|"
    r"格林纳达|巴哈马|巴巴多斯|安提瓜|圣卢西亚|伯利兹|巴拉圭|梵蒂冈|圣马力诺|列支敦士登|安道尔|波斯尼亚|"
    r"独联体|阿拉伯|海湾|非洲|拉美|加勒比|太平洋岛国|美洲|大洋洲|东南亚国家|中东|欧亚"
)
#: Bodies whose heads hold no office of the state or the party (集团党委书记, 村党支部书记, 医院院长).
_NOT_STATE_RE = re.compile(r"公司|集团|企业|医院|学校|中学|小学|幼儿园|大学|(?<!科)学院|村|社区|协会|商会|基金会|研究会|"
                           r"俱乐部|银行(?!.*行长$)|股份")
#: Characters of transliterated foreign names and places, rare in Chinese given names.
_TRANSLIT = set("斯尔克特拉尼菲卡茨赫伊维诺塔佩丹森姆布乌默兹奥阿埃萨穆夫基蒂娅莎垂洛哈巴德科曼里西普")
_SURNAMES = set(
    "习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤易常"
    "温康施文牛樊葛邢安齐伍庞颜倪岳聂童翟柴殷祝尤滕欧闵艾鲁仇虞鄂柏郁井栗蒲覃虎谌阴娄褚甘耿应房左"
    "单解舒焦包宁尚蓝屈凌霍詹俞鲍封季骆梅芦景储盛柯路卞苗刁冀宫晏丛喻闻关伏隋燕窦揭戚练佟宗铁那"
    "岑毕郜查阚邬卓臧巩晋冉桑饶荆谷邝涂宿桂逯初怀农麻蔺钮佘边符弓郎寇禹廉鞠苟修仲兰衡冷凤项栾庄乔阎连甄"
    "索帅展雍敖谈"
)
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙", "宇文")
#: Words that begin with a surname's character and follow titles (总书记的贺信, 主任高度重视, 部长包括…).
NON_NAMES = frozenset((
    "强调", "高度", "公布", "台前", "贺信", "敬礼", "先生", "陛下", "殿下", "夫人", "女士", "阁下", "同志", "一行",
    "等人", "指出", "要求", "表示", "宣布", "高兴", "高级", "任务", "常务", "龙头", "关于", "关心", "关注", "关键",
    "高质", "高标", "高位", "高效", "高速", "高水", "方面", "方案", "方式", "方向", "方针", "安全", "安排", "安置",
    "文件", "文化", "文明", "金融", "万元", "万人", "严格", "严肃", "严守", "任期", "任职", "包括", "包保", "包联",
    "齐心", "马上", "周边", "周年", "常态", "谢谢", "曾经", "曾任", "于是", "于近", "于今", "于本", "于上", "于下",
    "于昨", "于明", "于当", "于每", "林业", "黄金", "应邀", "应约", "应对", "应当", "应急", "江河", "房屋", "程序",
    "连续", "连日", "展开", "修订", "初步", "农业", "农村", "符合", "冷链", "边境", "项目", "谈话", "谈心", "卓越",
    "查看", "兰州", "庄严", "乔迁", "帅气", "索取", "巩固", "晋升", "郎平", "谷物", "衡量", "仲裁"))


@dataclass(frozen=True)
class Title:
    """A title chain before a name: its text, its segments (unit + office) and whether it is foreign."""

    text: str
    segments: tuple[str, ...]
    foreign: bool  # a foreign or international body's office: a guest's
    other: bool = False  # a company's, school's, hospital's or village's: no office of the state or the party


def title_before(text: str, end: int) -> Title | None:
    """The chain of offices ending at text[end] (二七区委副书记、区长), or None when none ends there."""
    segments: list[str] = []
    position = end
    while True:
        office = next((o for o in OFFICES if text.startswith(o, position - len(o))), None)
        if office is None:
            break
        start = position - len(office)
        run = start
        while run > max(0, start - 20) and "\u4e00" <= text[run - 1] <= "\u9fff" and text[run - 1] != "兼":
            run -= 1
        unit = _CUT_RE.split(text[run:start])[-1]
        if central := _CENTRAL_START.search(unit):  # 杂志发表中共中央总书记: the title starts at 中共中央
            unit = unit[central.start():]
        segments.insert(0, unit + office)
        position = start - len(unit)
        if position > 0 and text[position - 1] in "、兼" and unit == text[run:start]:
            position -= 1  # another office of the same person before the joiner
            continue
        break
    while segments and not _is_office(segments[0]):
        segments.pop(0)  # what stood before the first real office is not part of the title
    if not segments:
        return None
    begin = end - sum(map(len, segments)) - len(segments) + 1
    chain = text[begin:end]  # as printed: 、 or 兼 between
    if _SELF_STANDING.match(chain) and (place := _PLACE_BEFORE.search(text, 0, begin)):
        chain = place.group(1) + chain  # 广东省委书记黄坤明和省长孟凡利: 孟凡利 is 广东省长
    return Title(chain, tuple(segments), bool(_FOREIGN_RE.search(chain)) or _looks_translit(segments[0]),
                 bool(_NOT_STATE_RE.search(chain)))


def _office_of(segment: str) -> tuple[str, str] | None:
    """(unit, office) of a segment that ends in an office (人大常委会 + 主任), else None."""
    office = next((o for o in OFFICES if segment.endswith(o)), None)
    return (segment[:-len(office)], office) if office else None


def _is_office(segment: str) -> bool:
    """A unit and an office (商务部部长), or an office that names its level (区长)."""
    parts = _office_of(segment)
    unit = re.sub(r"分管[\u4e00-\u9fff]{1,8}的$", "", parts[0]) if parts else ""  # 工委分管日常工作的副书记
    return bool(parts) and ((unit and unit[-1] in _UNIT_END) or (not unit and bool(_SELF_STANDING.match(segment))))


def _looks_translit(word: str) -> bool:
    """Three or more characters of transliteration (路易斯维尔市): a foreign place."""
    return sum(ch in _TRANSLIT for ch in word) >= 3


def is_foreign(text: str) -> bool:
    """Whether the text names a foreign country, people or international body (俄罗斯, 中越两党, 汉学家, 世界…大会)."""
    return bool(_FOREIGN_RE.search(text) or _FOREIGN_MORE.search(text))


_FOREIGN_MORE = re.compile(r"中[越老柬俄美日韩法德英]|两党|汉学家|外国|国王|王储|总统|首相|外交大臣|世界[\u4e00-\u9fff]{0,6}大会")


def chinese_name(name: str) -> bool:
    """A name that can be a Chinese official's: a surname, two or three characters, not a common word."""
    if name in NON_NAMES or not 2 <= len(name) <= 4:
        return False
    if name.startswith(_COMPOUND):
        return len(name) >= 3
    return name[0] in _SURNAMES and len(name) <= 3 and sum(ch in _TRANSLIT for ch in name[1:]) < 2


def rank_of(title: Title | str) -> int:
    """The protocol rank of a title: its highest segment (smaller first); 999 when no office is known.

    A segment that names no level has the level of the one before it (浙江省委常委、组织部部长)."""
    segments = title.segments if isinstance(title, Title) else tuple(re.split(r"[、，,兼]", title))
    ranks, base = [], None
    for segment in filter(None, segments):
        rank, base = _segment_rank(segment, base)
        ranks.append(rank)
    return min(ranks, default=999)


def _segment_rank(segment: str, inherited: int | None = None) -> tuple[int, int | None]:
    """(rank, level base) of a segment: the base (central 0, province 100, city 200, district 300,
    township 400, unplaced 500) plus the office's place in its level."""
    parts = _office_of(segment)
    if parts is None:
        return 999, inherited
    if _SAR_HEAD.search(segment):  # 香港特别行政区行政长官: listed with the national leaders, before ministers
        return 93, 0
    unit, office = parts
    base = 0 if _CENTRAL_START.match(unit) else next((b for pattern, b in _LEVELS if re.search(pattern, unit)), None)
    if base is None:
        base = inherited
    if base is None and (_CENTRAL_MARK.search(segment) or _CENTRAL_UNIT.search(unit)):
        base = 0
    if base is None:
        level = re.match(r"(?:常务)?[副代]?(.)长", office)
        base = next((b for pattern, b in _LEVELS if level and re.search(pattern, level.group(1))), 500)
    return _office_rank(segment, base), base


def _office_rank(segment: str, base: int) -> int:
    """The rank of an office at a level: the central order, or base plus the local order."""
    if base == 0:
        return next((rank for pattern, rank in _CENTRAL if re.search(pattern, segment)), 99)
    return base + next(rank for pattern, rank in _LOCAL if re.search(pattern, segment))


def is_chinese_official(name: str, title: str | None) -> bool:
    """A Chinese name after a Chinese office: what brief items are scored on (领导出席)."""
    if not title or not chinese_name(name):
        return False
    parsed = title_before(title, len(title))
    return parsed is not None and not parsed.foreign and not parsed.other


#: What ends a name of two characters: the next word starts (李强在, 冯飞作了汇报, 蔡奇出席, 王毅等).
_AFTER_TWO = re.compile(r"[在同与和向就对等说为将也还并已是的今昨于从应率带致作乘到赴、，。；：！？“”（）()\s\d·]|"
                        r"近日|日前|分别|首先|先后|随后|陪同|出席|参加|主持|会见|会谈|表示|指出|强调|访问|转达|"
                        r"讲话|一行|代表|考察|调研|视察|看望|听取|回信|接见|签署|共同|介绍|宣讲|宣布")


def officials(text: str, counts: TextCounts | None = None) -> Iterator[tuple[int, str, Title]]:
    """(where the name starts, name, title) of each Chinese official named after a Chinese office in text."""
    counts = counts or TextCounts([text])
    for office in OFFICE_RE.finditer(text):
        name = _name_at(text, office.end(), counts)
        title = title_before(text, office.end()) if name else None
        if title is not None and not title.foreign and not title.other:
            yield office.end(), name, title


class TextCounts:
    """How often a string occurs in the period's texts (cached: names are looked up many times)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.whole = "\n".join(texts)
        self.count = lru_cache(maxsize=None)(self.whole.count)


def _name_at(text: str, start: int, counts: TextCounts) -> str | None:
    """The Chinese name of two or three characters starting at text[start], if one does."""
    two, three = text[start:start + 2], text[start:start + 3]
    if len(two) < 2 or not _cjk(two[1]) or not chinese_name(two):
        return None
    name = two
    if len(three) == 3 and _cjk(three[2]) and three not in NON_NAMES:
        n2, n3 = counts.count(two), counts.count(three)
        if n3 >= 2 and n3 * 10 >= n2 * 9:  # the two characters (nearly) never stand without the third
            name = three
        elif not (n2 >= 2 and n3 * 2 <= n2) and not _AFTER_TWO.match(text, start + 2):
            name = three
    return name if chinese_name(name) else None


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
