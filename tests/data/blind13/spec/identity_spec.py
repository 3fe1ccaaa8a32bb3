"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "赣鸿建工钢结构分公司焊接车间主任, 江西省劳动模范 (03 at the group's "
        "innovation meeting, Simplified; 10 demonstrating welding in Macau, "
        "written 劉建華)",
        [
            ("03_nanchang_soe_innovation_studios", "刘建华"),
            ("10_macau_welding_exchange", "刘建华"),
        ],
    ),
    (
        "临洮县驻天津劳务工作站站长 attending a Tianjin union congress in 02 "
        "(March 2024); removed from that post and appointed 临洮县人力资源和"
        "社会保障局副局长 in 04 (August 2024)",
        [
            ("02_tianjin_port_union_congress", "牛志刚"),
            ("04_lintao_appointment_notice", "牛志刚"),
        ],
    ),
    (
        "北京工业大学机械与能源工程学院副院长: a 首都劳动奖章 speaker in 01 "
        "(April 2024); in 09 (September 2024) seconded (挂职) as 佳木斯大学党委常委、"
        "副校长 while keeping the Beijing post",
        [
            ("01_beijing_may_day_rally", "邵启航"),
            ("09_jiamusi_university_appointments", "邵启航"),
        ],
    ),
    (
        "浙江省总工会党组成员、副主席, written 鍾麗華 in both Traditional "
        "articles: interviewed in 08 (July 2024, announcing a delegation to "
        "Macau), leading that delegation in 10 (November 2024)",
        [
            ("08_zhejiang_union_interview", "钟丽华"),
            ("10_macau_welding_exchange", "钟丽华"),
        ],
    ),
    (
        "布拖县驻宁波劳务工作站站长, 彝族: on the Sichuan award list in 05 "
        "(Simplified); named in the Zhejiang interview 08 (Traditional) as a "
        "winner of the 四川省五一劳动奖章",
        [
            ("05_sichuan_may_day_awards", "吉克阿木"),
            ("08_zhejiang_union_interview", "吉克阿木"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("08_zhejiang_union_interview", "陈志强"),
        ("10_macau_welding_exchange", "陈志强"),
    ),
    (
        ("02_tianjin_port_union_congress", "张丽娟"),
        ("04_lintao_appointment_notice", "张丽娟"),
    ),
    (
        ("06_fengyang_xiaogang_cooperative", "李建国"),
        ("07_luoyang_obituary", "李建国"),
    ),
    (
        ("05_sichuan_may_day_awards", "王建军"),
        ("09_jiamusi_university_appointments", "王建军"),
    ),
]

NOTES = {
    (
        "08_zhejiang_union_interview",
        "陈志强",
    ): "恒翔汽配总装车间班组长, Ningbo, written 陳志強 (a worker in Zhejiang)",
    (
        "10_macau_welding_exchange",
        "陈志强",
    ): "澳门劳工事务局职业安全健康厅厅长, written 陳志強 (Macau)",
    (
        "02_tianjin_port_union_congress",
        "张丽娟",
    ): "津海通集团工会副主席、女职工委员会主任 (Tianjin)",
    (
        "04_lintao_appointment_notice",
        "张丽娟",
    ): "临洮县卫生健康局副局长 (Gansu)",
    (
        "06_fengyang_xiaogang_cooperative",
        "李建国",
    ): "小岗村党支部书记、村委会主任 (Anhui)",
    ("07_luoyang_obituary", "李建国"): "洛阳市总工会党组书记、主席 (Henan)",
    (
        "05_sichuan_may_day_awards",
        "王建军",
    ): "攀枝花金沙钒钛炼钢厂转炉车间炉长 (Sichuan worker)",
    (
        "09_jiamusi_university_appointments",
        "王建军",
    ): "佳木斯大学党委书记 since March 2021 (Heilongjiang)",
}
