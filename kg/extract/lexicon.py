"""Word lists of the genre: titles, surnames, organisation suffixes.

Written for Chinese union, government and enterprise news in general; none of
these lists is read off a particular article or gold file.
"""

from __future__ import annotations

import re

# Bare titles a person holds in an organisation.  Longer forms first matter
# only to the regex builder, which sorts by length.
_BASE_ROLES = (
    "书记 主席 主任 部长 局长 厅长 处长 科长 课长 股长 市长 县长 区长 "
    "镇长 乡长 省长 州长 盟长 旗长 主任委员 秘书长 委员长 会长 理事长 社长 "
    "院长 校长 所长 站长 馆长 行长 台长 庭长 董事长 总经理 经理 "
    "总裁 总监 厂长 队长 组长 班长 团长 主编 总编辑 总工程师 "
    "总会计师 检察长 审计长 政委 主委 监事长 局长 署长 司长 关长 "
    "总师 大队长 支队长 中队长 总队长 指导员 教导员 矿长 场长 园长 干事 "
    "安全总监 财务总监 技术总监 质量总监 运营总监 营销总监 人力资源总监"
).split()

# 党组书记 is a title of the body the 党组 leads (江阴市总工会党组书记); a
# 党委, 党工委 or 党支部 is a body of its own, so 某某党委书记 is 书记 of
# 某某党委 and is read by the organisations extractor, not listed here.
_PARTY_ROLES = (
    "党组书记 党组副书记 党组成员 纪检组长 "
    "党组纪检组长 总书记 常委 委员 常务委员 成员 负责人 "
    "一级巡视员 二级巡视员 巡视员 调研员 一级调研员 二级调研员 "
    "三级调研员 四级调研员 总经济师 总统计师 首席专家 次长 政务次长 常务次长"
).split()


def _expand_deputies(roles: list[str]) -> set[str]:
    out = set(roles)
    for role in roles:
        if role in {"委员", "成员", "常委", "负责人", "总书记"} or role.endswith("员"):
            continue
        out.add("副" + role)
        out.add("常务副" + role)
        out.add("执行" + role)
        if role.endswith("长"):
            out.add("代" + role)  # acting: 代市长, 代局长
    return out


PROFESSIONAL_ROLES = frozenset(
    "首席技师 高级技师 技师 高级工程师 工程师 研究员 教授 工长 班组长".split()
)
"""Professional titles: a post when an organisation precedes them
(某某公司首席技师亓某某), a bare job title otherwise."""

ROLES: frozenset[str] = (
    frozenset(_expand_deputies(_BASE_ROLES + _PARTY_ROLES)) | PROFESSIONAL_ROLES
)
"""Every title the post parser accepts, deputies included."""

DESCRIPTORS = frozenset(
    (
        "员工 职工 工人 环卫工人 农民工 快递小哥 快递员 外卖小哥 外卖骑手 骑手 "
        "网约车司机 货车司机 司机 学生 学员 社区工作者 网格员 志愿者 骨干 劳模 "
        "劳动模范 工匠 技术能手 退休职工 老党员 党员 村民 居民 群众 老师 教师 "
        "医生 护士 民警 辅警 消防员 师傅 徒弟 技术员 会员 代表 记者 通讯员 "
        "首席技师 高级技师 技师 高级工程师 工程师 研究员 教授 工长 班组长 "
        "焊工 电工 钳工 车工 女工 老师傅 保洁员 护工 联系人 负责人 员工代表 "
        "家属 职工家属 遗属 牧民 农民 茶农 女生 男生 小伙 小伙子 姑娘"
    ).split()
)
"""Words that introduce a named person without a post (环卫工人白某某)."""

HIGH_TITLES = frozenset({"总书记", "国家主席", "总理", "委员长", "副总理"})
"""Titles that stand after a name with no organisation (习近平总书记)."""

IMPLIED_GOVERNMENT = {
    "省长": "省",
    "市长": "市",
    "县长": "县",
    "区长": "区",
    "镇长": "镇",
    "乡长": "乡",
    "州长": "州",
    "盟长": "盟",
    "旗长": "旗",
}
"""A head of government implies the people's government of that level."""
GOVERNMENT_NAMES = {"盟": "行政公署"}
"""The government of a level whose body is not a 人民政府: a league (盟) of
Inner Mongolia is run by its 行政公署."""

# Characters that open a following word, never a name (张忠表示 → 表 ends it).
NAME_STOP_CHARS = frozenset(
    "的了在是和与及等说表示指出强调认为介绍要将也还就都对向为把被从到率带来去"
    "一二三四五六七八九十个位名主出席参加同志讲话致辞代表等于给让请已正"
)

FOLLOW_WORDS = tuple(
    sorted(
        (
            "表示 说 指出 强调 认为 介绍 坦言 告诉 感慨 谈到 提出 要求 "
            "希望 主持 出席 参加 参与 带领 率队 率领 一行 同志 等 在 是 "
            "和 与 及 也 亦 还 就 都 对 向 为 将 要 的 讲 称 作 代表 "
            "致辞 讲话 宣布 调研 看望 慰问 会见 主动 深入 来到 走访 到 "
            "先后 一同 陪同 分别 通报 部署 传达 解读 发表 寄语 回忆 笑着 "
            "说道 了 发言 讲解 演示 回答 动情 激动 正在 每天 一道 一起 带队 带头 "
            "两位 二位 三位 四位 五位 几位 一家 家中 辞去"
        ).split(),
        key=len,
        reverse=True,
    )
)
"""Words that commonly follow a name in the genre (王某说, 张某表示)."""

# Organisation suffixes by kind.  A suffix alone names nothing: the
# organisations extractor demands a place or a proper name before it.
UNION_SUFFIXES = (
    "总工会",
    "工会联合总会",
    "工会联合会",
    "工会工作委员会",
    "工会委员会",
    "工会",
)
PARTY_SUFFIXES = (
    "党工委",
    "党委",
    "党组",
    "党支部",
    "党总支",
    "纪委",
    "纪工委",
    "委党校",
    "党校",
    "团委",
    "监委",
)
GOV_SUFFIXES = (
    "人民政府",
    "行政公署",
    "人大主席团",
    "人大常委会",
    "常委会",
    "人大",
    "政协",
    "管委会",
    "政府",
    "人民法院",
    "办公室",
    "人民检察院",
    "法院",
    "检察院",
    "公安局",
    "办事处",
    "执法总队",
    "执法支队",
    "执法大队",
    "消防救援总队",
    "消防救援支队",
    "消防救援大队",
    "委员会",
    "局",
    "厅",
    "委",
    "办",
)
_COMPANY_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "集团",
    "公司",
)
COMPANY_SUFFIXES = (
    *_COMPANY_FORMS,
    "控股",
    "银行",
    "工厂",
    "厂",
    "煤矿",
)
MEDIA_SUFFIXES = (
    "日报社",
    "日报",
    "晚报",
    "报社",
    "电视台",
    "广播电视台",
    "融媒体中心",
    "新闻网",
    "客户端",
    "杂志社",
    "出版社",
)
OTHER_SUFFIXES = (
    "创新工作室",
    "技校",
    "职校",
    "大学",
    "学院",
    "中学",
    "小学",
    "学校",
    "幼儿园",
    "医院",
    "研究院",
    "研究所",
    "联合会",
    "协会",
    "学会",
    "商会",
    "基金会",
    "服务中心",
    "中心",
)

LAUNCH_VERBS = re.compile(
    r"推出|推动|出台|成立|组建|制定|印发|发布|公布|开展|举办|实施|启动|打造|建立|创建|"
    r"发起|推行|推广|设立|新设|开设|创办|做强做优|做优做强|打响|培育|探索|牵头|"
    r"主办|承办|深化|建成|新建|升级|以|签署|签订|共同实施|开办|设计|推进|提出|"
    r"编制|共建|投资|建设|命名|授牌|挂牌|评选|评定|上线|开通|修订|制订|起草"
)
"""Verbs that launch, issue or run an initiative (kg/extract/launches.py)."""

COUNTED = re.compile(r"[一两二三四五六七八九十几多数][名个家位所]")
"""A count opening the words before a suffix (一名航运业工会): one body of a
kind, not a name."""

MASS_SUFFIXES = (
    "妇联",
    "残联",
    "工商联",
    "科协",
    "文联",
    "侨联",
    "红十字会",
    "关工委",
    "总会",
)
"""People's organisations of a place (县妇联, 市工商联)."""

NATIONAL_MINISTRIES = frozenset(
    (
        # the State Council's ministries, as the press names them bare
        "外交部 国防部 教育部 科学技术部 工业和信息化部 民政部 司法部 财政部 "
        "人力资源和社会保障部 人力资源社会保障部 自然资源部 生态环境部 "
        "住房和城乡建设部 交通运输部 水利部 农业农村部 商务部 文化和旅游部 "
        "退役军人事务部 应急管理部 公安部 "
        # Taiwan's ministries
        "劳动部 内政部 经济部 交通部 卫生福利部 文化部 农业部 数位发展部 法务部"
    ).split()
)
"""Ministries a title chain names with no place (劳动部政务次长甲): national
bodies, never the home city's."""

NATIONAL_HEADS = ("中华全国", "全国", "中共中央", "中央", "国务院", "国家", "中国")
"""Heads that anchor a public body at national level (全国总工会)."""

GENERIC_HEADS = frozenset(
    (
        "全市 全区 全县 全省 全镇 全州 全乡 全街 国内 国外 境内 "
        "境外 海外 个别 大部分 部分 多数 少数 其他 其它 主流 上述 "
        "来源 全国各 各级 各 我市 本市 该市 我区 本区 我县 该 本 "
        "这 那 其 一些 多家 全体 所有 广大 相关 有关 下属 所属 "
        "旗下 基层 企业 非公 小微 民营 国有 国营 大型 中小 龙头 "
        "各类 各地 地方 上级 当地 属地 全 一家 这家 该家 有 代表 "
        "职工 会员 单位 部门 机关 行业 产业 一线 工会 两级 三级 四级 五级 多级"
    ).split()
)
"""Words that make an organisation mention generic (各级工会, 企业工会, 市、县
两级工会)."""

MEDIA_NAME_RE = re.compile(
    r"《([^《》\n]{2,12}(?:日报|晚报|报|杂志|周刊|月刊|时报|导报))》"
)

BUREAU_ABBREVIATIONS = {
    "人社局": "人力资源和社会保障局",
    "发改委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "住建局": "住房和城乡建设局",
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "市监局": "市场监督管理局",
    "市场监管局": "市场监督管理局",
    "工信局": "工业和信息化局",
    "教体局": "教育和体育局",
    "文旅局": "文化和旅游局",
    "文广旅局": "文化广电和旅游局",
    "自规局": "自然资源和规划局",
    "应急局": "应急管理局",
    "退役军人局": "退役军人事务局",
    "医保局": "医疗保障局",
    "国资委": "国有资产监督管理委员会",
    "科技局": "科学技术局",
    "交通局": "交通运输局",
    "农业局": "农业农村局",
}
"""Short names of government departments and the full names they stand for."""


# ---------------------------------------------------------------------------
# People and posts (issue 8, the people half: name lists, appointments,
# enterprise posts, credits).  Read by names.py, roles.py, posts.py and the
# name_lists, appointments and notices extractors.


POST_ROLES = frozenset(
    (
        # enterprises: boards, management, chief officers
        "董事会主席 董事会副主席 董事会秘书 监事会主席 监事会副主席 "
        "首席执行官 首席财务官 总经理助理 总裁助理 董事长助理 财务总监 领衔人 "
        # public bodies and associations of Hong Kong and Macau
        "行政总裁 副行政总裁 总干事 副总干事 议员 "
        "局长助理 院长助理 校长助理 主任助理 行长助理 厂长助理 市长助理 "
        # Hong Kong's civil service: 助理 before the title (劳工处助理处长)
        "助理处长 助理署长 助理局长 首席助理处长 "
        "总法律顾问 总审计师 总质量师 总农艺师 总畜牧师 总建筑师 "
        "监事 董事 执行董事 职工董事 职工监事 独立董事 外部董事 专职外部董事 "
        # courts, procuratorates, associations, delegations
        "审判员 检察员 助理审判员 审判委员会委员 检察委员会委员 "
        "理事 常务理事 常务副理事长 副团长 "
        # acting heads of government
        "代理省长 代理市长 代理县长 代理区长 代理镇长 代理乡长 代理州长 "
        "代理盟长 代理旗长 "
        "代省长 代市长 代县长 代区长 代镇长 代乡长 代州长 代盟长 代旗长 "
        # heads of a ward, a line, a team inside a unit
        "护士长 研发主管 生产主管 技术主管 质量主管 财务主管 销售主管 项目经理 "
        "车间主任 车间副主任 工段长 值班长 作业长 副作业长 "
        # a union's part-time officers (a model worker as 兼职副主席)
        "兼职副主席 兼职委员"
    ).split()
)
"""Titles read by the post parser besides :data:`ROLES`."""

MORE_FOLLOW_WORDS = frozenset(
    (
        # appointments and careers: 甲当选为, 乙任, 丙辞去, 丁曾任, 戊系某某公司经理
        "当选 担任 兼任 出任 转任 连任 不再 辞去 现任 曾任 此前 已任 任 被 提请 "
        "调任 升任 接任 接替 就任 改任 卸任 离任 系 "
        # what people do or receive: 受县政府委托, 荣获, 牵头, 分管
        "受 受到 获 荣获 获得 入选 今年 牵头 领衔 分管 负责 接受 "
        # what people do at meetings and in reports
        "列席 应邀 到会 就座 宣读 颁发 颁奖 接见 带队 率团 率 汇报 报告 透露 受访 "
        "提醒 呼吁 回顾 致词 专程 随团 作表态发言 "
        # where people go: 甲赴宁夏挂职, 乙前往现场
        "赴 前往 赶赴 挂职 "
        # what else follows a name: 因工作调动, 另有任用, 于2020年, 则, 等人
        "因 另有 另 于 已 则 等人 早前 日前 作为 座谈 "
        # 甲所作的报告, 乙来自贵州
        "所作 所做 来自"
    ).split()
)
"""Words that follow a name besides :data:`FOLLOW_WORDS`."""

MORE_DESCRIPTORS = frozenset(
    "创业者 企业家 干部 台籍干部 青年 选手 获奖者 获奖代表".split()
)
"""Words that introduce a named person besides :data:`DESCRIPTORS`."""
INTRODUCERS = DESCRIPTORS | MORE_DESCRIPTORS
"""Every word that introduces a named person (职工代表甲, 选手乙)."""

LEGAL_FORMS = ("集团股份有限公司", "集团有限责任公司", "集团有限公司", *_COMPANY_FORMS)
"""How companies' names end, longest first: what is left is the company's
own name (its place, brand and trade)."""

_PUBLIC_JOBS = (
    "护林员 巡护员 管护员 林管员 网格员 调解员 协管员 农技员 防疫员 投递员 "
    "邮递员 消防员 乡村医生 村医"
).split()
"""Jobs of forests, villages and communities."""
JOB_TITLES = frozenset(
    (
        "驾驶员 司机 调度员 安全员 质检员 检验员 化验员 操作工 数控铣工 焊工 电工 "
        "钳工 挡车工 装配工 维修工 工艺员 技术员 车工 铣工 电焊工 模具工 "
        "教师 医生 医师 护士 "
        # frontline jobs of services, trade and works
        "快递员 外卖员 配送员 分拣员 服务员 营业员 收银员 保洁员 环卫工 讲解员 "
        "巡线员 巡检员 列车员 乘务员 售票员 仓管员 保管员 统计员 护理员 保育员 "
        "营销员 业务员 话务员 环卫工人 厨师 面点师 制茶师 茶艺师 药剂师 钢筋工 架子工 "
        "管道工 锅炉工 采煤工 掘进工 矿工 木工 瓦工 油漆工 养护工 检修工 机修工 "
        "叉车工 安装工 水电工 铸造工 包装工 缝纫工 纺织工 民警 辅警 交警 "
        "安检员 施工员 测量员 检测员"
    ).split()
) | frozenset(_PUBLIC_JOBS)
"""Jobs inside a unit, read as titles: a post only when the unit is named
(GUIDELINES, "Grades and trades")."""
CITY_JOBS = frozenset(
    (
        "快递员 外卖员 配送员 分拣员 环卫工 环卫工人 保洁员 讲解员 列车员 乘务员 售票员"
    ).split()
) | frozenset(_PUBLIC_JOBS)
"""Jobs of the city's services and deliveries, and of forests, villages and
communities: held in a unit the text names, never by default in the one
company an article speaks of."""

# -- Organisations and initiatives (issue 8, organisations half) -------------
# Words that end an organisation's name on its left: the verb, adverb or
# descriptor before a name is never part of it (全力支持华兴集团).

MANNER_ADVERBS = (
    "全力 大力 高度 鼎力 全面 充分 积极 热情 倾力 极力 坚决 主动 认真 切实 "
    "着力 努力 进一步 专程 亲自 再次 共同"
).split()
"""Adverbs of manner that open a predicate; jieba's dictionary fuses several
with their verb into one noun-tagged word (全力支持, 充分肯定, 高度评价)."""

VERBS_TAGGED_AS_NOUNS = frozenset(
    "助力 力争 携手 落户 祝贺 前往 新任 现任 原任 曾任 时任 赋能 参观 视察 察看 "
    "分管 协管 会同".split()
)
"""Verbs (and one title word) that jieba's dictionary tags as nouns or names:
never part of an organisation's name (成果助力集团, 力争汉橘集团)."""

SINGLE_VERBS_BEFORE_NAMES = frozenset("任兼赴至作")
"""One-character verbs of posts and visits before a name (黎某任集团党委书记,
赵某作集团工会工作报告)."""

COMPANY_DESCRIPTORS = frozenset(
    "上市公司 子公司 母公司 全资子公司 控股子公司 港股 A股 旗下 所属".split()
)
"""Words that describe a company before its name (港股上市公司某某控股)."""

DATE_WORDS = frozenset("年度 年初 年底 年末 年中 月份 月底 月初 日前 日起".split())
"""Time words a year or day number opens (2023年度集团): no part of a name."""

NOT_BODY_WORDS = frozenset(
    "布局 格局 大局 当局 结局 开局 变局 时局 僵局 骗局 饭局 "
    "棋局 出局 定局 残局 终局 破局 大厅 客厅 餐厅 展厅 门厅 歌厅 舞厅 前厅 "
    "原委 副中心 市中心 城市中心".split()
)
"""Ordinary words that end in a body suffix (局, 厅, 委, 中心); none of them
ends a bureau's name (财政局, 安全局, 科技创新局 are bureaus)."""

CONGRESS_SUFFIXES = (
    "人民代表大会常务委员会",
    "人大常务委员会",
    "人民代表大会",
    "政协常务委员会",
    "政协常委会",
)
"""Congresses and CPPCC standing committees in full (named 人大常委会, 人大,
政协常委会)."""

PUBLIC_SERVICE_SUFFIXES = (
    "人民医院",
    "中医医院",
    "中医院",
    "妇幼保健院",
    "中心卫生院",
    "卫生院",
)
"""Public services named by their place (县人民医院 is the county's, 某镇卫生院
the town's), also with an ordinal (市第二人民医院)."""

ASSOCIATION_SUFFIXES = (
    "联谊会",
    "协进会",
    "促进会",
    "研究会",
    "职工会",
    "互助会",
    "合作社",
)
"""Associations and cooperatives named by a proper name (某某职工联谊会)."""

COLLECTIVE_BODIES = frozenset(
    "一府两院 一府一委两院 一委一府两院 一府一委 四套班子 四大班子 五套班子 "
    "两委 村两委 社区两委 党政班子 领导班子".split()
)
"""Words for several bodies together: no organisation, no initiative."""

MEMBER_WORDS = frozenset("职工 青年 妇女 工人 企业 台湾青年 青年企业家".split())
"""Generic words that name an association's members after its place
(澳门职工联谊会, 海口台湾青年联谊会): part of the name only there."""

PROJECT_KINDS = frozenset(
    "重点 重大 在建 新建 续建 协作 合作 招商 民生 基建 投资 新开工 签约 产业 "
    "示范 试点 帮扶 援建 配套".split()
)
"""Words that make ``某某项目`` a kind of project, not a name (重点项目)."""

NEWS_AGENCIES = ("新华社", "中新社", "中国新闻社", "中央广播电视总台", "央视")
"""National agencies and broadcasters named without a media suffix."""
