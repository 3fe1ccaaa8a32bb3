"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "包头钢联特钢有限公司 steelworker, a 全国劳动模范: 炼钢厂连铸作业区作业长 "
        "elected 兼职副主席 of 包头市总工会 in 01 (January 2025); profiled in 10 "
        "(October 2025) after his move to 炼钢厂副厂长 in March, the 作业长 post "
        "now ended",
        [
            ("01_baotou_union_congress", "高占山"),
            ("10_baotou_model_worker_profile", "高占山"),
        ],
    ),
    (
        "Korean-ethnic union official: 延吉市总工会党组书记、常务副主席, proposed "
        "for 延边州总工会党组成员、副主席 in the 任前公示 of 03 (May 2025); present "
        "in that new post at the Changchun meeting of 07 (September 2025)",
        [
            ("03_yanbian_pre_appointment_notice", "崔成浩"),
            ("07_jilin_reform_meeting", "崔成浩"),
        ],
    ),
    (
        "安徽宏泰锻压集团有限公司 engineer: on the Anhui May Day medal list as "
        "技术中心副主任 in 04 (April 2025); promoted 技术中心主任, his studio "
        "unveiled at the group's 职代会 in 05 (August 2025)",
        [
            ("04_anhui_may_day_awards", "许承志"),
            ("05_maanshan_workers_congress", "许承志"),
        ],
    ),
    (
        "澳门职工互助联合会理事长: named without a title as the leader of the "
        "association's visit to a Chongqing riders' station in 06 (June 2025, "
        "Simplified); with his title at the Macau launch in 08 (July 2025, "
        "written 梁國華, 'visited Chongqing last month')",
        [
            ("06_chongqing_riders_station", "梁国华"),
            ("08_macau_career_transition", "梁国华"),
        ],
    ),
    (
        "Baotou newspaper reporter: byline at the end of 01 (January 2025) and "
        "at the top of 10 (October 2025)",
        [
            ("01_baotou_union_congress", "乌日娜"),
            ("10_baotou_model_worker_profile", "乌日娜"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("01_baotou_union_congress", "巴特尔"),
        ("10_baotou_model_worker_profile", "巴特尔"),
    ),
    (
        ("03_yanbian_pre_appointment_notice", "朴成勋"),
        ("07_jilin_reform_meeting", "朴成勋"),
    ),
    (
        ("04_anhui_may_day_awards", "李秀兰"),
        ("06_chongqing_riders_station", "李秀兰"),
    ),
    (
        ("02_meitan_county_appointments", "王建国"),
        ("09_taiwan_tianjin_exchange", "王建国"),
    ),
]

NOTES = {
    (
        "01_baotou_union_congress",
        "巴特尔",
    ): "包头市总工会副主席, elected in January 2025 (Baotou)",
    (
        "10_baotou_model_worker_profile",
        "巴特尔",
    ): "retired former 连铸作业区作业长 of 包头钢联特钢有限公司, 高占山's master "
    "(Baotou) — 01 and 10 share 高占山, 乌日娜 and the city union",
    (
        "03_yanbian_pre_appointment_notice",
        "朴成勋",
    ): "敦化市人力资源和社会保障局党组书记、局长, born 1976 in Yanji (Yanbian)",
    (
        "07_jilin_reform_meeting",
        "朴成勋",
    ): "吉林恒通重型机械有限公司装配车间主任, a 全国技术能手 — 03 and 07 share "
    "崔成浩 and 延边州总工会",
    (
        "04_anhui_may_day_awards",
        "李秀兰",
    ): "合肥市第二人民医院心内科护士长 (Hefei, Anhui)",
    (
        "06_chongqing_riders_station",
        "李秀兰",
    ): "江畔社区居委会主任 (Nanping street, Chongqing)",
    (
        "02_meitan_county_appointments",
        "王建国",
    ): "湄潭县应急管理局副局长, formerly 县农业农村局副局长 (Guizhou)",
    (
        "09_taiwan_tianjin_exchange",
        "王建国",
    ): "天津海晟精密制造有限公司数控车间主任, a 全国技术能手, written 王建國 (Tianjin)",
}
