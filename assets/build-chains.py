#!/usr/bin/env python3
"""build-chains.py: builds assets/chains.tsv, the industrial-chain gazetteer chainscope loads at
start-up, from ../shared/taxonomy/chains.tsv (the chain ids, used exactly) and the researched
keyword table keywords-reference.tsv, curated by the lists below (generic words that name no
chain are dropped, keywords that the guidelines place in another chain are moved, chains the
reference lacks get their keywords here).

usage: build-chains.py [TAXONOMY_DIR] > assets/chains.tsv   (default ../shared/taxonomy relative
to the repository root). Standard library only; the output is committed.

Output columns: id, parent ("" for chains, the chain for segments), level (chain|segment|stop),
name_en, name_zh, keywords_en, keywords_zh ('|'-separated). A keyword in capitals only (AI, PV,
NEV) is matched case-sensitively by the loader; other English keywords case-insensitively, with
plurals. A segment's keywords count for its chain.
"""
import csv
import os
import sys

# Words that name no chain on their own (GUIDELINES: "industrial chain", "innovation", "high-end
# industries", "manufacturing", "high-tech" ...) or that mostly mean something else in news text.
DROP = {
    # generic policy words
    "new-generation information technology", "next-generation information technology",
    "新一代信息技术", "information technology services", "digital technology", "数字技术",
    "information services", "信息服务", "online platform", "在线平台", "internet", "互联网",
    "green development", "ecological environment", "green and low-carbon", "green low-carbon",
    "low-carbon", "carbon peak", "carbon peaking", "dual carbon", "double carbon",
    "carbon emission", "carbon emissions", "energy efficiency", "green manufacturing",
    "绿色发展", "生态环境", "绿色低碳", "低碳", "碳达峰", "双碳", "碳排放", "绿色制造",
    "energy transition", "installed capacity", "grid connection", "key materials",
    "materials science", "关键材料", "lightweight", "轻量化",
    # words with other everyday meanings
    "mask", "掩膜版", "transformer", "变压器", "algorithm", "算法", "dataset", "corpus", "数据集",
    "语料", "precursor", "前驱体", "separator", "隔膜", "urban rail", "8-inch", "8英寸",
    "connector", "连接器", "antenna", "天线", "router", "路由器", "capacitor", "inductor", "电感",
    "crane", "cranes", "loader", "gears", "molds", "moulds", "fashion", "时尚", "tourist",
    "tourists", "visitor", "visitors received", "exhibition", "exhibitions", "expo",
    "trade fair", "concert", "concerts", "marathon", "night economy", "fabric", "fabrics",
    "silk", "spinning", "weaving", "cargo", "freight", "warehouse", "berth", "grain", "rice",
    "food", "agricultural", "wine", "beer", "interventional", "介入", "drug", "drugs",
    "copper", "zinc", "titanium", "aluminum", "aluminium", "lighting fixtures", "furniture",
    "hotel", "hotels", "camping", "compressor", "compressors", "thermostat", "heat exchanger",
    "server", "servers", "humanoid", "robotic", "chassis", "tire", "tires", "tyre", "coatings",
    "dyes", "additives", "fermentation", "enzyme", "shipping", "television", "quartz",
    "sapphire", "屏幕", "面板", "显示器", "触控", "手机", "耳机", "VR", "XR", "软件", "数据库",
    "电商", "大数据", "云服务", "信创", "教育", "物流", "仓储", "货运", "旅游", "游客", "酒店",
    "会展", "展会", "食品", "农业", "粮食", "钢结构", "铜", "铝", "服务器", "机柜", "机架",
    "模型", "开源", "水电", "加氢", "切片", "高铁", "轨道交通", "支架", "生命健康",
    "smart factory", "future factory", "lighthouse factory", "digital workshop",
    "智能工厂", "未来工厂", "灯塔工厂", "数字化车间", "AI工厂",
    "配套企业", "配套", "水乡", "water town", "仓库", "码头", "环保", "节能", "water town",
}

# Keywords the guidelines and gold conventions place in another chain than the reference does.
MOVE = {
    "intelligent manufacturing": "high-end-equipment", "智能制造": "high-end-equipment",
    "brain-computer interface": "future-industries", "脑机接口": "future-industries",
    "nuclear fusion": "future-industries", "可控核聚变": "future-industries",
    "synthetic biology": "future-industries", "合成生物": "future-industries",
    "BeiDou": "communication-electronics", "Beidou navigation": "communication-electronics",
    "北斗": "communication-electronics", "北斗导航": "communication-electronics",
}

# Keywords for chains the reference lacks, and additions found missing (umbrella and MT forms).
ADD = {
    "modern-services": (
        "modern services|modern service industry|modern service industries|service industry|"
        "services industry|producer services|producer service industry|headquarters economy|"
        "financial services|financial industry|finance industry|financial innovation|"
        "business services|professional services|trade in services|service trade|"
        "commerce and trade|commercial complex|shopping mall|shopping center|shopping centre|"
        "elderly care|elderly-care|aged care|health care services|healthcare services|"
        "wealth management|convention and exhibition|exhibition industry|hospital|hospitals|"
        "financial center|financial centre|fintech",
        "现代服务业|服务业|生产性服务业|总部经济|总部办公|金融服务|金融业|金融创新|商务服务|"
        "专业服务|服务贸易|商贸|商业综合体|购物中心|养老|康养|医疗服务|健康服务|会展经济|"
        "会展业|医院|基金小镇|金融中心|金融科技|财富管理|功能性投资机构"),
    "future-industries": (
        "future industries|future industry|quantum information|quantum computing|"
        "quantum technology|quantum communication|quantum|deep space|metaverse",
        "未来产业|量子|量子信息|量子计算|量子科技|量子通信|深空|元宇宙|类脑智能"),
    "infrastructure": (
        "infrastructure|transportation infrastructure|transport infrastructure|"
        "urban infrastructure|infrastructure construction|railway|railways|high-speed railway|"
        "high-speed rail|intercity railway|metro line|subway line|rail transit line|"
        "expressway|expressways|highway|highways|bridge project|cross-river bridge|tunnel|"
        "urban renewal|old town renovation|standard factory buildings|standard factory building|"
        "standard plants|utility tunnel|underground pipe gallery|water conservancy|"
        "road network|interchange",
        "基础设施|基础设施建设|交通基础设施|城市基础设施|铁路|高铁|城际铁路|地铁|轨道交通|"
        "高速公路|公路|快速路|大桥|隧道|城市更新|旧城改造|标准厂房|综合管廊|地下管廊|水利|"
        "路网|互通"),
    "new-energy": ("smart energy|comprehensive energy|new energy equipment|clean energy products|"
                   "new energy materials",
                   "智慧能源|综合能源|清洁能源|新能源装备"),
    "new-energy-vehicles": (
        "automobile industry|auto industry|automotive industry|automaker|automakers|carmaker|"
        "carmakers|car maker|vehicle maker|vehicle manufacturer|automobile manufacturing|"
        "auto manufacturing|EV|EVs",
        "汽车产业|整车|汽车研发|汽车制造|汽车软件|智能网联汽车|智能网联|车联网|电动汽车"),
    "high-end-equipment": ("smart manufacturing|intelligent manufacturing equipment",
                           "智能制造装备|智能装备"),
    "digital-economy": ("software park|software services",
                        "软件园|软件设计|数字信息技术|软件服务业|信息软件服务业|软件信息服务业"),
    "communication-electronics": ("electronic information|5G innovation|communication electronics",
                                  "电子信息"),
    "green-environment": ("eco-industry|ecological industrial park|solid waste treatment|"
                          "environmental protection", "生态环保|节能环保|环保产业"),
    "modern-logistics": ("smart supply chain|smart supply chains|shipping industry|"
                         "shipping services|international shipping|shipping center",
                         "航运|航运中心|供应链服务"),
    "culture-tourism": ("cultural and creative|cultural and tourism integration",
                        "文化创意|文旅|文创"),
    "agriculture-food": ("special medical food|food production|probiotics", "益生菌|特医食品"),
    "medical-devices": ("rehabilitation aids", "康复辅助器具|医疗器械"),
    "petrochemicals": ("chemical enterprises|plastic products|special oil", "塑料制品|特种油|化工"),
    "metals": ("steel structure", "钢结构|金属材料"),
    "auto-parts": ("components and parts|vehicle components|vehicle parts|NEV components|"
                   "air suspension|automotive components|component enterprises|auto engine|"
                   "automobile engine|vehicle engine", "汽车部件|汽车发动机"),
    "marine-equipment": ("marine information technology|marine information technology and equipment",
                         "海洋信息|海洋信息技术"),
    "biomedicine": ("new medicines|new medicine", "新药"),
    "new-materials": ("new energy materials", "新能源材料"),
    "batteries-storage": ("new energy battery|new energy batteries|new energy battery cell",
                          "新能源电池|新能源动力电池"),
}

# Companies whose name says their chain (GUIDELINES: a company's business names a chain).
COMPANIES = {
    "integrated-circuits": ("SMIC|TSMC|Hua Hong|Huahong", "中芯国际|台积电|华虹|长鑫|长江存储"),
    "batteries-storage": ("CATL|Gotion|Guoxuan", "宁德时代|国轩高科|国轩"),
    "new-energy-vehicles": ("BYD|NIO|XPeng|Li Auto|Tesla|Geely|Leapmotor",
                            "比亚迪|蔚来|小鹏汽车|理想汽车|特斯拉|吉利汽车|零跑"),
    "photovoltaics": ("LONGi|Trina Solar|JinkoSolar|JA Solar|Canadian Solar",
                      "隆基|天合光能|晶科能源|晶澳|阿特斯"),
}

# Phrases that belong to no chain but contain a keyword across a word edge (智能化工厂 is a smart
# factory, not 化工): written as rows with id "-stop", they take the span (longest match first)
# and produce nothing.
STOP = ("", "智能化|数字化|规模以上|信息化|自动化|现代化")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [dict(zip(rows[0], r)) for r in rows[1:] if r]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    tax = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..", "shared", "taxonomy")
    chains = read_tsv(os.path.join(tax, "chains.tsv"))
    ref = read_tsv(os.path.join(tax, "keywords-reference.tsv"))
    ids = [c["id"] for c in chains]
    rows = {}     # id -> [parent, level, name_en, name_zh, en list, zh list]
    order = []
    for c in chains:
        rows[c["id"]] = ["", "chain", c["name_en"], c["name_zh"], [], []]
        order.append(c["id"])
    moved = []
    for r in ref:
        rid = r["id"]
        chain = rid.split("/")[0]
        if chain not in rows:
            sys.exit("build-chains.py: reference chain %r not in chains.tsv" % chain)
        if rid not in rows:
            rows[rid] = [chain, "segment", r["name_en"], r["name_zh"], [], []]
            order.append(rid)
        for col, idx in (("keywords_en", 4), ("keywords_zh", 5)):
            for kw in r[col].split("|"):
                kw = kw.strip()
                if not kw or kw in DROP or kw.lower() in DROP:
                    continue
                if kw in MOVE or kw.lower() in MOVE:
                    moved.append((MOVE.get(kw, MOVE.get(kw.lower())), idx, kw))
                    continue
                rows[rid][idx].append(kw)
    for target, idx, kw in moved:
        rows[target][idx].append(kw)
    for cid, (en, zh) in list(ADD.items()) + list(COMPANIES.items()):
        rows[cid][4] += [k for k in en.split("|") if k]
        rows[cid][5] += [k for k in zh.split("|") if k]
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    out.writerow(["id", "parent", "level", "name_en", "name_zh", "keywords_en", "keywords_zh"])
    def dedup(xs):
        return list(dict.fromkeys(x for x in xs if "\t" not in x and "|" not in x))
    # chains in the taxonomy's order, each followed by its segments upstream to downstream (the
    # reference's order)
    for rid in sorted(order, key=lambda i: (ids.index(i.split("/")[0]), "/" in i, order.index(i))):
        p, lvl, en, zh, ken, kzh = rows[rid]
        out.writerow([rid, p, lvl, en, zh, "|".join(dedup(ken)), "|".join(dedup(kzh))])
    out.writerow(["-stop", "", "stop", "no chain", "", STOP[0], STOP[1]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
