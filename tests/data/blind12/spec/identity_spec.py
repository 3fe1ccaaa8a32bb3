"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "上海市总工会党组成员、副主席 (01 at a Jiading skills contest, "
        "Simplified; 09 leading a delegation to Hong Kong, Traditional text)",
        [
            ("01_jiading_skills_contest", "姚振宇"),
            ("09_hongkong_shanghai_delegation", "姚振宇"),
        ],
    ),
    (
        "嘉定区总工会党组书记、常务副主席 (01; in 09 a member of the delegation "
        "to Hong Kong, written 趙敏)",
        [
            ("01_jiading_skills_contest", "赵敏"),
            ("09_hongkong_shanghai_delegation", "赵敏"),
        ],
    ),
    (
        "嘉定区总工会副主席 in 01 (2023); in 08 (2024) a Shanghai aid cadre whose "
        "union post is told as 原任 (ended), appointed 江孜县委常委、副县长（挂职）",
        [
            ("01_jiading_skills_contest", "诸葛明远"),
            ("08_shigatse_cadre_announcement", "诸葛明远"),
        ],
    ),
    (
        "晟丰精密工业股份有限公司董事长, Tainan (04 visiting the Xiamen plant, "
        "Simplified; 10 receiving an award in Taiwan, written 黃俊廷)",
        [
            ("04_xiamen_taiwan_plant", "黄俊廷"),
            ("10_tainan_workplace_award", "黄俊廷"),
        ],
    ),
    (
        "吴忠市人力资源和社会保障局副局长 visiting Ningxia workers in Xiamen in 04 "
        "(March 2024); removed from that post and appointed 吴忠市就业创业服务中心主任 "
        "in 07 (July 2024)",
        [
            ("04_xiamen_taiwan_plant", "马建军"),
            ("07_wuzhong_appointment_notice", "马建军"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("01_jiading_skills_contest", "张伟"),
        ("09_hongkong_shanghai_delegation", "张伟"),
    ),
    (
        ("04_xiamen_taiwan_plant", "陈建宏"),
        ("10_tainan_workplace_award", "陈建宏"),
    ),
    (
        ("02_taiyuan_npc_session", "王海燕"),
        ("05_enshi_may_day_awards", "王海燕"),
    ),
    (
        ("03_ordos_pre_appointment", "李国庆"),
        ("06_qiandongnan_union_visit", "李国庆"),
    ),
]

NOTES = {
    ("01_jiading_skills_contest", "张伟"): "安驰零部件焊装车间班组长 (Shanghai worker)",
    (
        "09_hongkong_shanghai_delegation",
        "张伟",
    ): "香港机电工程从业员协会会长, written 張偉 (Hong Kong)",
    (
        "04_xiamen_taiwan_plant",
        "陈建宏",
    ): "晟丰厦门数控车间技术员 (a worker in Xiamen)",
    (
        "10_tainan_workplace_award",
        "陈建宏",
    ): "勞動部政務次長, written 陳建宏 (Taiwan)",
    ("02_taiyuan_npc_session", "王海燕"): "太原市发展和改革委员会主任 (Shanxi)",
    (
        "05_enshi_may_day_awards",
        "王海燕",
    ): "利川市人民医院重症医学科护士长, 土家族 (Hubei)",
    (
        "03_ordos_pre_appointment",
        "李国庆",
    ): "鄂尔多斯市能源局副局长, 汉族, born in Zhangjiakou (Inner Mongolia)",
    (
        "06_qiandongnan_union_visit",
        "李国庆",
    ): "雷山县总工会主席, 苗族 (Guizhou)",
}
