"""The general newspaper vocabulary the parser may rely on.

Only words any Chinese paper prints are here (PAGE_FORMAT.md lists them):
dateline and byline words, credit words, page references, continuation notes,
page-header words and common surnames. Nothing here names a page's content.
"""

import re

from ..hanzi import HAN as _HAN
from ..hanzi import all_han

NAME = rf"[{_HAN}·]{{2,4}}"

# "本报讯", "科技日报讯", "新华社北京2月10日电", "本报北京3月5日电", "新华社电",
# then an optional bracketed byline: "本报讯（记者 李争粉） 中共中央、国务…".
DATELINE = re.compile(
    rf"^(?P<dateline>[{_HAN}]{{0,10}}?报讯"
    rf"|[{_HAN}]{{2,12}}?\d{{1,2}}月\s?\d{{1,2}}日\s?电"
    rf"|(?:新华社|中新社|本报)电)"
    r"(?=[\s（(]|$)\s*"
    r"(?:[（(](?P<byline>[^（）()]{1,60})[）)])?\s*"
)

# Who wrote or shot something. Longest first, so "本报记者" wins over "记者".
ROLES = ("本报特约记者", "本报记者", "本报通讯员", "特约记者", "见习记者", "实习记者", "记者", "通讯员", "实习生")
_ROLE = "|".join(ROLES)

# A note signed by the editors, not by a person: "——编  者".
EDITOR_SIGNATURE = "编者"
# The last character of a place that a reader's signature opens with: "河南鄢陵县  邢先生".
PLACE_ENDINGS = tuple("省市县区州盟旗镇乡村")

# "▶ 本报记者 张伟", "本报记者 孟晴 杜衡", "记者 周启航 通讯员 沈一帆": a line that is only a byline.
BYLINE_LINE = re.compile(rf"^(?:{_ROLE})\s*{NAME}(?:[\s、，,]+(?:(?:{_ROLE})\s*)?{NAME})*$")

# Photo credits: "牟宇/摄", "本报记者 罗嘉 摄", "通讯员 A 供图", "（图片由XX公司提供）", "新华社发".
CREDIT_LINE = re.compile(
    rf"^(?:[（(][^（）()]{{0,40}}(?:摄|供图|提供)[）)]"
    rf"|[^，。；！？]{{0,30}}(?:/\s?摄|\s摄|\s?供图)"
    rf"|[{_HAN}]{{1,8}}社发)$"
)
# The words that make a short caption line a credit however else it is set: "苗秋闹摄（新华社发）".
CREDIT_WORDS = ("摄", "供图", "社发")
# The web edition's credit, with no slash: "新华社记者  卢汉欣摄", "本报记者  张  伟摄".
SPACED_CREDIT_LINE = re.compile(
    rf"^[{_HAN}]{{0,8}}(?:{_ROLE}|摄影记者)\s*[{_HAN}·](?:\s*[{_HAN}·]){{1,4}}(?:[\s、]+[{_HAN}·]{{2,5}})*\s?(?:/\s?)?(?:摄|供图)$"
)
# A role with no name, waiting for the name line that follows: "新华社记者" ⏎ "牟宇/摄".
CREDIT_PREFIX = re.compile(rf"^[{_HAN}]{{0,6}}(?:{_ROLE}|摄影记者)$")
# A credit printed at the end of a caption's last sentence: "…优惠政策。 新华社发",
# "…。 通讯员 A 供图", "…。 本报记者 A/摄", "…。（图片由XX公司提供）". The bracket must
# name a picture or a shot, so a source note "…。（数据由XX局提供）" stays in its paragraph.
TRAILING_CREDIT = re.compile(
    rf"(?<=[。！？”])\s*(?P<credit>[{_HAN}]{{1,8}}社发"
    rf"|(?:{_ROLE})\s*{NAME}(?:[\s、]+{NAME})*\s?/?\s?(?:摄|供图)"
    rf"|[（(](?:[^（）()]{{0,40}}(?:摄|供图)|图片由[^（）()]{{1,30}}提供)[）)])$"
)
# Every such credit ends on one of these. Looking at the last character first spares
# searching the whole of every paragraph for a credit that can only close it.
TRAILING_CREDIT_ENDINGS = ("发", "摄", "图", "）", ")")


def find_trailing_credit(text: str) -> re.Match | None:
    """TRAILING_CREDIT.search(text), for a text that holds no line break (as "$" would
    also match before a final one)."""
    return TRAILING_CREDIT.search(text) if text.endswith(TRAILING_CREDIT_ENDINGS) else None


# Every line CONTINUATION_LINE, REF_LINE, CREDIT_LINE, CREDIT_PREFIX or BYLINE_LINE can
# match holds one of these words (each ROLES word holds 记者, 通讯员 or 实习生): looking
# for them first keeps the parse fast. A new role or credit word belongs here too.
NOTE_WORDS = re.compile("版|摄|供图|提供|社发|记者|通讯员|实习生")

# Teaser page references: "■ 6版", "（详见第5版）", "详见第5版", "第5版".
REF = r"(?:[■□●◆▶]\s*[A-Z]?\d{1,2}\s*版|[（(]?(?:详见|见)?第\s*[A-Z]?\d{1,2}\s*版[）)]?)"
REF_LINE = re.compile(rf"^{REF}$")
TRAILING_REF = re.compile(rf"\s*(?P<ref>{REF})$")
# Every such reference ends on one of these, looked at before searching the line.
TRAILING_REF_ENDINGS = ("版", "）", ")")


def find_trailing_ref(text: str) -> re.Match | None:
    """TRAILING_REF.search(text), for a text that holds no line break."""
    return TRAILING_REF.search(text) if text.endswith(TRAILING_REF_ENDINGS) else None


# "（下转第3版）" after an article, "（上接第1版）" before its first sentence.
CONTINUATION = r"[（(]?(?:下转|上接|转|接)第?\s*[A-Z]?\d{1,2}\s*版[）)]?"
CONTINUATION_LINE = re.compile(rf"^{CONTINUATION}$")
LEADING_CONTINUATION = re.compile(r"^(?P<note>[（(](?:上接|接)第?\s*[A-Z]?\d{1,2}\s*版[）)])\s*")
TRAILING_CONTINUATION = re.compile(r"\s*(?P<note>[（(](?:下转|转)第?\s*[A-Z]?\d{1,2}\s*版[）)])$")

# A closing bracketed dateline: "（本报北京、里约热内卢……10月19日电  记者李欣怡、……黄培昭）".
CLOSING_DATELINE = re.compile(
    rf"^[（(](?P<dateline>[^（）()]{{2,120}}?\d{{1,2}}月\s?\d{{1,2}}日\s?电)\s*"
    rf"(?P<byline>(?:{_ROLE})[^（）()]{{1,300}})[）)]$"
)
# A note signed by a role rather than a name: "——编  者".
SIGNATURE_LINE = re.compile(rf"^——\s*(?P<name>[{_HAN}](?:\s*[{_HAN}]){{1,3}})$")

# Page header and footer words: "2023年3月6日 星期一 第1版 要闻 责任编辑：韩雪".
HEADER_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
HEADER_WEEKDAY = re.compile(r"星期[一二三四五六日天]|(?<![上下本每])周[一二三四五六日]")
HEADER_EDITORS = re.compile(r"(?:责任|美术|本版|图片|版式|文字)编辑|版式设计|版面设计|责任校对|本版(?:责编|邮箱)")
HEADER_PAGE = re.compile(r"(?<![详见转接])第\s*(?P<number>[A-Z]?\d{1,3})\s*版")
PAPER_NAME = re.compile(rf"^[{_HAN}]{{1,10}}报$")
# A paper's name run into the date after it: "人民日报2025年10月20日".
PAPER_NAME_OPENING = re.compile(rf"(?:^|\s)(?P<paper>[{_HAN}]{{1,10}}报)(?=\d)")
# The paper named in title marks on a web edition's line: "《人民日报》（2025年10月20日 第 02 版）".
QUOTED_PAPER_NAME = re.compile(rf"《(?P<paper>[{_HAN}]{{1,10}}报)》")
# The number a PDF prints at the foot of each of its pages: "第 30 页".
PAGE_NUMBER_LINE = re.compile(r"^第\s*\d{1,4}\s*页$")

# Common Chinese surnames, for telling a trailing author ("…的10%。 丁涛") from a
# sentence's last words. Compound surnames first.
COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙")
    + ("宇文", "司徒", "夏侯", "令狐", "钟离", "轩辕", "端木", "南宫", "西门", "独孤")
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
    "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
    "邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井"
    "祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆"
    "茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪"
)


def looks_like_name(text: str) -> bool:
    """A 2–3 character personal name, or 3–4 with a compound surname: "丁涛", "欧阳娜娜"."""
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4 and all_han(text)
    return 2 <= len(text) <= 3 and text[0] in SURNAMES and all_han(text)
