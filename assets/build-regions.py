#!/usr/bin/env python3
"""build-regions.py: builds assets/regions.tsv, the region gazetteer chainscope loads at start-up,
from the division tables in ../shared/data (cn_divisions, cn_aliases, cn_dev_zones, cn_townships;
see their SOURCES.md) plus the hand-written macro-regions, natural features and blockers below.

usage: build-regions.py [DATA_DIR] > assets/regions.tsv     (DATA_DIR default: ../shared/data
relative to the repository root). Standard library only; the output is committed so the program
needs neither the network nor ../shared at run time.

Output: one row per entity, tab-separated, one header row:
  id       6-digit GB/T 2260 code, a macro-region id (yrd ...), "z..." for development zones and
           new areas (never 6 digits, so a zone is never scored as a division), a 9-digit NBS code
           for YRD townships, "x-..." for non-places (natural features, blockers)
  parent   parent id ("" for provinces and macro-regions; the containing division for zones)
  level    1 province, 2 prefecture, 3 county, 0 macro-region, 4 zone or town, 5 not a place
  kind     province, prefecture, county, macro, zone, town, feature, blocker
  name_en, name_zh, pinyin   display names
  full_en, full_zh   ;-separated names matched wherever they stand (full forms, exonyms,
           former names; traditional forms are folded to simplified by the loader)
  short_en, short_zh ;-separated bare names (Qingpu / 青浦); at county level they count only
           with context (the parent or province named in the same document)
  abbr     one-character province abbreviations (沪;申) and their romanised forms (Hu), which
           count only inside lists of such abbreviations
  flags    ;-separated: ctx:ALIAS (a generic alias, "the demonstration zone": it counts only
           when the document is about the region, i.e. names one of the about:ID ids),
           upper:ALIAS (an acronym, matched only in capitals), weak:ALIAS (spaced pinyin such
           as "Tai Zhou", which also looks like a person's name: it needs context)
"""
import csv
import os
import re
import sys
import unicodedata

HEADER = ["id", "parent", "level", "kind", "name_en", "name_zh", "pinyin",
          "full_en", "full_zh", "short_en", "short_zh", "abbr", "flags"]

# Romanised province abbreviations as they appear in translated lists ("Su Zhe", "Jing-Jin-Ji").
ROMAN_ABBR = {"310000": "Hu", "320000": "Su", "330000": "Zhe", "340000": "Wan",
              "110000": "Jing", "120000": "Jin", "130000": "Ji", "440000": "Yue",
              "500000": "Yu", "510000": "Chuan"}

# One-character abbreviations that are also everyday words or parts of other names (宁 is
# Nanjing in 沪宁, 新 starts 新港, 云/贵/青/吉/甘/黑/蒙/秦/申/蜀 are ordinary characters): the
# list rule would misfire on them, so they are left out.
ABBR_SKIP = set("宁新云贵青吉甘黑蒙秦申蜀")

# Division names that are everyday words far more often than places (新兴产业, 港口, 老城区,
# 和平, 平安; "Xinhua" the news agency, "Dongfeng" the carmaker, "Dahua" the camera maker):
# they are not matched (the other forms of the same division still are).
COMMON_WORD_NAMES = set("""
新兴 光明 前进 友好 和平 复兴 红旗 平安 解放 振兴 向阳 新华 新城 城中 城东 城西 城北 城关 城厢
江南 江北 江东 河东 河西 海港 港口 港北 港南 滨江 滨海 新市 新建 市中 市北 市南 长安 朝阳
朝天 白云 天河 太平 太和 安居 安定 安宁 宏伟 东风 工农 爱民 站前 中原 中山 东方 西湖 泰山 天山
钟山 钟楼 白塔 双塔 北塔 东湖 月湖 盐湖 北湖 长寿 新安 安新 永安 龙湖 镜湖 青山 南山 东山 西山
城区 矿区 郊区 东区 西区 南区 北区 老城区 新城区 市中区 新市区 大通 大安 新都 花山 铁山 红山
安康 来宾 山南 海东 海西 海北 玉树 怒江 红河 白山 四平 兴安 日照 白银
东海 江山 天台 海盐 无为 大观 明光 定海 龙泉
Xinhua Dongfeng Dongfang Hongqi Changan Pingan Ping'an Guangming Jiefang Taiping Yili Dahua
Changjiang Heping Xingfu
""".split())

# Macro-regions of GUIDELINES.md. Each entry: id, English name, Chinese name, strong English
# aliases, strong Chinese aliases, generic aliases that count only when the document is about
# the region (flag ctx), acronyms matched only in capitals.
MACROS = [
    ("yrd", "Yangtze River Delta", "长三角",
     ["Yangtze River Delta", "Yangtze Delta", "Yangtze River Delta region", "Changjiang Delta",
      "Changjiang River Delta", "long triangle", "long triangulation", "long triangular",
      "long delta", "Changsanjiao", "Chang San Jiao", "Yangtze River Triangle",
      "Yangtze Triangle"],
     ["长三角", "长江三角洲", "泛长三角", "长三角地区", "长三角区域"], [], ["YRD"]),
    ("yrd-demo-zone", "Yangtze River Delta Eco-Green Integrated Development Demonstration Zone",
     "长三角生态绿色一体化发展示范区",
     ["Yangtze River Delta Ecological Green Integrated Development Demonstration Zone",
      "Yangtze River Delta Eco-Green Integrated Development Demonstration Zone",
      "Yangtze River Delta Ecological Green Integration Development Demonstration Zone",
      "Yangtze River Delta Green Ecological Integrated Development Demonstration Zone",
      "Yangtze River Delta Integrated Demonstration Zone",
      "Yangtze River Delta Integration Demonstration Zone",
      "Yangtze River Delta Demonstration Zone", "YRD Integrated Demonstration Zone",
      "YRD Demonstration Zone",
      "Demonstration Zone of Green and Integrated Ecological Development of the Yangtze River Delta",
      "Ecological Green Integrated Development Demonstration Zone",
      "Eco-Green Integrated Development Demonstration Zone",
      "Ecological Green Integration Development Demonstration Zone",
      "Green and Integrated Ecological Development Demonstration Zone",
      "integrated ecological and green development demonstration zone",
      "pilot area for integrated ecological development",
      "Integrated Demonstration Zone", "Integration Demonstration Zone",
      "Integrated Development Demonstration Zone", "Integration Development Demonstration Zone"],
     ["长三角生态绿色一体化发展示范区", "生态绿色一体化发展示范区", "长三角一体化示范区",
      "长三角示范区", "一体化示范区", "一体化发展示范区", "绿色一体化示范区"],
     ["demonstration zone", "demonstration area", "example zone", "示范区"], []),
    # (generic aliases of yrd-demo-zone and gba count only with one of these named: ABOUT below)
    ("yreb", "Yangtze River Economic Belt", "长江经济带",
     ["Yangtze River Economic Belt", "Yangtze Economic Belt", "Yangtze River Economic Zone",
      "Changjiang Economic Belt", "Yangtze River economic development belt"],
     ["长江经济带"], [], []),
    ("gba", "Guangdong-Hong Kong-Macao Greater Bay Area", "粤港澳大湾区",
     ["Guangdong-Hong Kong-Macao Greater Bay Area", "Guangdong-Hong Kong-Macau Greater Bay Area",
      "Guangdong Hong Kong Macao Greater Bay Area", "Pearl River Delta",
      "Pearl River Delta region", "Zhujiang Delta", "Guangdong-Hong Kong-Macao Bay Area"],
     ["粤港澳大湾区", "珠三角", "珠江三角洲", "粤港澳湾区"],
     ["Greater Bay Area", "大湾区"], ["GBA", "PRD"]),
    ("jjj", "Beijing-Tianjin-Hebei", "京津冀",
     ["Beijing-Tianjin-Hebei", "Beijing Tianjin Hebei", "Jing-Jin-Ji", "Jingjinji",
      "Beijing-Tianjin-Hebei region", "Capital Economic Circle"],
     ["京津冀", "京津冀地区", "首都经济圈"], [], ["JJJ"]),
    ("chengyu", "Chengdu-Chongqing Economic Circle", "成渝地区双城经济圈",
     ["Chengdu-Chongqing Economic Circle", "Chengdu-Chongqing twin-city economic circle",
      "Chengdu-Chongqing Twin City Economic Circle", "Chengdu-Chongqing economic zone",
      "Chengdu-Chongqing region", "Chengdu-Chongqing area", "Chengyu",
      "Chengdu-Chongqing Economic Zone", "Sichuan-Chongqing region"],
     ["成渝地区双城经济圈", "成渝双城经济圈", "成渝经济圈", "成渝地区", "成渝城市群",
      "成渝经济区", "成渝"], [], []),
]

# Names that contain a division's name but are not places: natural features and companies or
# brands that merely share a place name. Matching them (longest match first) keeps the inner
# name from matching; they produce no mention.
NOT_PLACES = [
    ("x-taihu-lake", "feature", "Taihu Lake", "太湖",
     ["Taihu Lake", "Lake Taihu", "Tai Lake", "Lake Tai", "Huan Taihu", "Taihu Lake basin"],
     ["太湖", "环太湖"]),
    ("x-huangpu-river", "feature", "Huangpu River", "黄浦江",
     ["Huangpu River", "Huangpu riverside", "Huangpu River bank"], ["黄浦江", "浦江两岸"]),
    ("x-hangzhou-bay", "feature", "Hangzhou Bay", "杭州湾",
     ["Hangzhou Bay", "Bay of Hangzhou"], ["杭州湾"]),
    ("x-yangtze", "feature", "Yangtze River", "长江",
     ["Yangtze River", "Changjiang River", "Yangtze river estuary", "Yangtze estuary"],
     ["长江", "长江口", "长江入海口"]),
    ("x-qiantang-river", "feature", "Qiantang River", "钱塘江",
     ["Qiantang River"], ["钱塘江"]),
    ("x-huaihe", "feature", "Huai River", "淮河", ["Huai River", "Huaihe River"], ["淮河"]),
    ("x-pearl-river", "feature", "Pearl River", "珠江", ["Pearl River"], ["珠江"]),
    ("x-yellow-river", "feature", "Yellow River", "黄河", ["Yellow River"], ["黄河"]),
    ("x-west-lake", "feature", "West Lake", "西湖", ["West Lake"], []),
    ("x-grand-canal", "feature", "Grand Canal", "大运河", ["Grand Canal", "Beijing-Hangzhou Grand Canal"],
     ["大运河", "京杭大运河"]),
    ("x-xinyi-glass", "blocker", "Xinyi Glass", "信义玻璃",
     ["Xinyi Glass", "Xinyi Solar", "Xinyi Energy", "Xinyi Group"], ["信义玻璃", "信义光能", "信义集团"]),
    ("x-xi-jinping", "blocker", "Xi Jinping", "习近平", ["Xi Jinping"], ["习近平"]),
    ("x-xinan-evening", "blocker", "Xin'an Evening News", "新安晚报", ["Xin'an Evening News"], ["新安晚报"]),
    ("x-g60", "blocker", "G60", "G60", ["G60 Science and Technology Innovation Corridor"], []),
    ("x-alibaba", "blocker", "Alibaba", "阿里巴巴", ["Alibaba", "Alibaba Cloud", "Aliyun"],
     ["阿里巴巴", "阿里云", "阿里集团", "阿里健康", "阿里系"]),
    # "规模以上" (above designated size) is followed by an industry word: 规模以上海工 is not 上海
    ("x-common-compounds", "blocker", "sandwich, marble, coastal city", "三明治", [],
     ["三明治", "大理石", "沿海城市"]),
    ("x-above-size", "blocker", "above designated size", "规模以上", [], ["规模以上", "以上海"]),
]


# What a document must name for a macro-region's generic aliases ("the demonstration zone",
# 大湾区) to mean that region.
ABOUT = {"yrd-demo-zone": ["yrd", "yrd-demo-zone", "310118", "320509", "330421"],
         "gba": ["gba", "440000", "810000", "820000", "440100", "440300"]}


def die(msg):
    sys.exit("build-regions.py: " + msg)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        die(path + ": empty")
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:] if r]


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(values, drop=()):
    """Deduplicated, order-kept, no empty values, no ';' or tab inside (they are separators)."""
    out, seen = [], set(drop)
    for v in values:
        v = (v or "").strip()
        if not v or ";" in v or "\t" in v or "|" in v:
            continue
        k = v.lower()
        if k in seen:
            continue
        seen.add(k)
        out.append(v)
    return out


def pinyin_forms(pinyin):
    """Joined and spaced pinyin with u for ü: 'lü liang' -> ['Lüliang', 'Luliang', 'Lu Liang']."""
    syl = pinyin.split()
    if not syl:
        return []
    joined = syl[0] + "".join(("'" + s if s[0] in "aoe" else s) for s in syl[1:])
    forms = [joined.capitalize(), ascii_fold(joined).capitalize()]
    if len(syl) > 1:
        forms.append(" ".join(s.capitalize() for s in syl))
        forms.append(ascii_fold(" ".join(s.capitalize() for s in syl)))
    return forms


# Words that many zones share. A zone name made only of these ("Development Zone", 高新区,
# 生物医药产业园) identifies no place on its own: matching it would give a made-up zone id in
# every text that uses the common noun, so such names are not emitted.
GENERIC_ZONE_EN = set("""
economic technological technology tech high-tech hi-tech high hi new development industrial
industry park zone area district and of the free trade bonded export processing comprehensive
pilot demonstration science sci innovation national provincial city town modern port logistics
south north east west central energy materials biomedicine biomedical pharmaceutical chemical
software circuit integrated equipment manufacturing agricultural agriculture cultural creative
ecological eco green special cooperation international
""".split())
GENERIC_ZONE_ZH = sorted("""
经济技术开发区 经济开发区 高新技术产业开发区 高新技术产业园区 高新技术 开发区 经开区 高新区 工业园区
工业园 工业区 产业园区 产业园 产业区 园区 保税区 综合保税区 保税港区 出口加工区 自贸区 自由贸易
试验区 新区 新城 高新 技术 科技 科创 创新 经济 国家级 省级 现代 产业 工业 农业 物流 港 城 区 园
新能源 新材料 生物医药 医药 化工 电子信息 信息 软件 智能 制造 装备 文化 创意 生态 绿色 特色
示范 合作 国际 街道 县 市 镇 东 南 西 北 中 新 高
""".split(), key=len, reverse=True)
# Traditional forms of the characters above (zone tables list both scripts).
ZONE_T2S = str.maketrans("經濟術開發區園業產稅貿試驗國級現農際創態綠範藥醫電資軟製裝備縣鎮東", "经济术开发区园业产税贸试验国级现农际创态绿范药医电资软制装备县镇东")


def generic_zone_name(name):
    """Is the zone name made only of words many zones share?"""
    if name.isascii():
        words = re.findall(r"[A-Za-z][A-Za-z-]*", name.lower())
        return bool(words) and all(w in GENERIC_ZONE_EN for w in words)
    rest = re.sub(r"[()（）\s]", "", name.translate(ZONE_T2S))
    while rest:
        for w in GENERIC_ZONE_ZH:
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            return False
    return True


def is_town_name(name):
    """Chengnan Subdistrict, 城南街道, 新城镇: the name of a township-level division."""
    return bool(re.search(r"(街道|镇|乡|鎮|鄉|Subdistrict|Town|Township)$", name))


def zone_short_zh(name):
    """Everyday abbreviations of zone names: 经济技术开发区 -> 经开区, 高新技术产业开发区 -> 高新区."""
    out = []
    for long, short in (("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"),
                        ("经济开发区", "经开区"), ("高新技术开发区", "高新区")):
        if name.endswith(long) and len(name) > len(long) + 1:
            out.append(name[: -len(long)] + short)
    return out


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    data = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..", "shared", "data")
    divs = read_tsv(os.path.join(data, "cn_divisions.tsv"))
    aliases = read_tsv(os.path.join(data, "cn_aliases.tsv"))
    zones = read_tsv(os.path.join(data, "cn_dev_zones.tsv"))
    towns = read_tsv(os.path.join(data, "cn_townships.tsv"))

    real = [d for d in divs if d["gb2260"] == "1"]
    # the traditional forms of the everyday-word names go too (老城區 folds to 老城区)
    COMMON_WORD_NAMES.update(d["name_zh_trad"] for d in real if d["name_zh"] in COMMON_WORD_NAMES)
    by_code = {d["code"]: d for d in real}
    # Every current name, to keep former names and exonyms from shadowing a living place.
    current_en = {ascii_fold(d[k]).lower() for d in real for k in ("name_en_short", "name_en")}
    current_zh = {d[k] for d in real for k in ("name_zh", "name_zh_short")}

    extra = {c: {"full_en": [], "full_zh": [], "short_en": [], "abbr": []} for c in by_code}
    for a in aliases:
        code, alias, kind = a["code"], a["alias"].strip(), a["alias_type"]
        if code not in by_code or not alias:
            continue
        if kind == "abbr_1char":
            if alias not in ABBR_SKIP:
                extra[code]["abbr"].append(alias)
        elif kind in ("coextensive_zone", "abbreviation"):
            # A zone names the division in its name, never the one it covers (GUIDELINES):
            # these rows come back as zones below.
            if kind == "abbreviation" and a["lang"] == "en" and code == "810000":
                extra[code]["full_en"].append(alias)
        elif kind == "former_name_area" and by_code[code]["level"] == "1":
            continue  # a split county's common parent is a whole province: too broad to name it
        elif a["lang"] == "zh":
            # two-character former names (南区, 城郊) read as ordinary words in running text
            if alias in current_zh or len(alias) <= 2:
                continue
            extra[code]["full_zh"].append(alias)
        else:
            if ascii_fold(alias).lower() in current_en:
                continue
            if kind == "native" and len(alias) < 5:
                continue
            if kind in ("pinyin", "former_name_pinyin"):
                extra[code]["short_en"].append(alias)
            else:
                extra[code]["full_en"].append(alias)

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    out.writerow(HEADER)

    def row(id_, parent, level, kind, name_en, name_zh, pinyin, full_en, full_zh,
            short_en=(), short_zh=(), abbr=(), flags=()):
        if 1 <= level <= 3:
            full_zh = [v for v in full_zh if v not in COMMON_WORD_NAMES]
            short_zh = [v for v in short_zh if v not in COMMON_WORD_NAMES]
            short_en = [v for v in short_en if v not in COMMON_WORD_NAMES]
            full_en = [v for v in full_en if v not in COMMON_WORD_NAMES]
        if kind in ("zone", "town"):
            # (a generic town name, 城南街道, stays: it is a town, and matching it keeps a
            # county name from being read across it, 吴江城南 is not 江城)
            def junk(v):
                return generic_zone_name(v) and not (kind == "town" and is_town_name(v))
            full_en = [v for v in full_en if v and not junk(v)]
            full_zh = [v for v in full_zh if v and not junk(v)]
            short_en = [v for v in short_en if v and not junk(v)]
            short_zh = [v for v in short_zh if v and not junk(v)]
            if not full_en and not full_zh and not short_en and not short_zh:
                return  # nothing that names this zone rather than any zone
        full_en = clean(full_en)
        full_zh = clean(full_zh)
        short_en = clean(short_en, drop=[v.lower() for v in full_en])
        short_zh = clean(short_zh, drop=full_zh)
        out.writerow([id_, parent, str(level), kind, name_en, name_zh, pinyin,
                      ";".join(full_en), ";".join(full_zh), ";".join(short_en),
                      ";".join(short_zh), ";".join(clean(abbr)), ";".join(flags)])

    for m in MACROS:
        mid, en, zh, en_al, zh_al, generic, upper = m
        flags = ["ctx:" + g for g in generic] + ["upper:" + u for u in upper]
        flags += ["about:" + a for a in ABOUT.get(mid, [])]
        row(mid, "yrd" if mid == "yrd-demo-zone" else "", 0, "macro", en, zh, "",
            en_al + upper, zh_al, short_en=[g for g in generic if g.isascii()],
            short_zh=[g for g in generic if not g.isascii()], flags=flags)

    for d in real:
        code, level = d["code"], int(d["level"])
        kind = {1: "province", 2: "prefecture", 3: "county"}[level]
        x = extra[code]
        full_en = [d["name_en"], d["name_en_full"], d["name_en_ascii"], ascii_fold(d["name_en_full"])]
        short_en = [d["name_en_short"], ascii_fold(d["name_en_short"])]
        if level == 1 or d["name_en"] == d["name_en_short"]:
            # "Suzhou", "Yixing", "Jiangsu": the bare name is the label itself.
            short_en.append(d["name_en"])
            full_en = full_en[1:]
        weak = []
        if level <= 2:
            forms = pinyin_forms(d["pinyin"])
            short_en += forms
            # spaced syllables ("Tai Zhou") are also how people's names look: need context
            weak = [f for f in forms if " " in f]
        elif d["type"] in ("district", "county", "county_city"):
            # Type words as news writes them: "Jiashan county", "Yixing city".
            base = d["name_en_short"]
            full_en.append(base + {"district": " District", "county": " County",
                                   "county_city": " City"}[d["type"]])
        bare = ascii_fold(d["name_en_short"]).lower()
        full_en = [v for v in full_en if ascii_fold(v).lower() != bare]
        full_en += x["full_en"]
        short_en += x["short_en"]
        full_zh = [d["name_zh"], d["name_zh_trad"]] + x["full_zh"]
        short_zh = [d["name_zh_short"]] if len(d["name_zh_short"]) >= 2 else []
        roman = [ROMAN_ABBR[code]] if code in ROMAN_ABBR else []
        row(code, d["parent_code"], level, kind, d["name_en"], d["name_zh"], d["pinyin"],
            full_en, full_zh, short_en, short_zh, x["abbr"] + roman,
            flags=["weak:" + w for w in dict.fromkeys(weak)])

    # Development zones and new areas (curated and NBS rows), then NBS-only county units that the
    # zone table lacks. The parent is where the zone lies; the loader gives a zone match the
    # divisions named inside the zone's own name only.
    seen_zone_names = set()
    for z in zones:
        zid = "z" + z["zone_id"]
        parent = z["parent_code"] or ""
        en = [z["name_en"], z["name_en_ascii"]] + z["aliases_en"].split(";")
        # "Binhai New Area (Shaoxing)": the bare name is what texts write; it is a homonym of
        # Tianjin's district, which the loader resolves from the document's other places.
        en += [re.sub(r"\s*\(.*\)$", "", a) for a in en if a.endswith(")")]
        zh = [z["name_zh"], z["name_zh_trad"]] + [a for a in z["aliases_zh"].split(";") if len(a) >= 3]
        zh += zone_short_zh(z["name_zh"])
        flags = []
        upper = [a for a in en if a and a.isupper() and len(a) <= 4]
        en = [a for a in en if a not in upper]
        flags += ["upper:" + a for a in upper]
        if zid == "zYRD-DEMO":
            continue  # the macro-region yrd-demo-zone above
        if z["nbs_level"] == "township" and z["yrd"] != "1":
            continue  # township-level zones elsewhere: neither scored nor needed as blockers
        seen_zone_names.add(z["name_zh"])
        row(zid, parent, 4, "zone", z["name_en"], z["name_zh"], "", en + upper, zh, flags=flags)
    for d in divs:
        if d["gb2260"] == "1" or d["name_zh"] in seen_zone_names:
            continue
        zh = [d["name_zh"], d["name_zh_trad"]] + zone_short_zh(d["name_zh"])
        row("z" + d["code"], d["parent_code"], 4, "zone", d["name_en"], d["name_zh"], "",
            [d["name_en"], d["name_en_ascii"]], zh)
    # Coextensive-zone aliases of cn_aliases (Suzhou New District, 无锡新区...): zones too.
    for a in aliases:
        if a["alias_type"] != "coextensive_zone" or a["code"] not in by_code:
            continue
        parent = by_code[a["code"]]["parent_code"] or a["code"]
        zid = "z" + re.sub(r"[^A-Za-z0-9]", "", ascii_fold(a["alias"]))[:20]
        if a["lang"] == "en":
            row(zid, parent, 4, "zone", a["alias"], "", "", [a["alias"]], [])
        else:
            row(zid, parent, 4, "zone", "", a["alias"], "", [], [a["alias"]])

    # Townships of the Yangtze River Delta: full names only (金泽镇, Jinze Town). They are not
    # scored, but matching them keeps a county name inside a town name from counting.
    for t in towns:
        if t["yrd"] != "1":
            continue
        row(t["code"], t["parent_code"], 4, "town", t["name_en"], t["name_zh"], t["pinyin"],
            [t["name_en"], t["name_en_ascii"]], [t["name_zh"], t["name_zh_trad"]])

    for xid, kind, en, zh, en_al, zh_al in NOT_PLACES:
        row(xid, "", 5, kind, en, zh, "", en_al, zh_al)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
