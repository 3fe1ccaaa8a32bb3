"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "佛山市人大常委会副主任、市总工会主席 (04 at a skills festival in "
        "Shunde, Simplified; 09 leading a delegation to Macau, written 黎國雄)",
        [
            ("04_foshan_skills_festival", "黎国雄"),
            ("09_macau_foshan_delegation", "黎国雄"),
        ],
    ),
    (
        "顺德区总工会常务副主席 (04 at the festival; 09 a member of the "
        "delegation to Macau, 順德區總工會常務副主席冼碧玲)",
        [
            ("04_foshan_skills_festival", "冼碧玲"),
            ("09_macau_foshan_delegation", "冼碧玲"),
        ],
    ),
    (
        "宏昱精密工业股份有限公司董事长, Taichung (04 unveiling a joint "
        "laboratory in Foshan; 10 interviewed in Taichung, Traditional text)",
        [
            ("04_foshan_skills_festival", "林柏翰"),
            ("10_taiwan_changsha_reprint", "林柏翰"),
        ],
    ),
    (
        "Shandong aid cadre from Shouguang: 喀什地区总工会副主席 (挂职) in 07 "
        "(2023); in 06 (2024) that post has ended and he is elected 寿光市总工会主席",
        [
            ("07_kashgar_skills_contest", "范立强"),
            ("06_shouguang_union_congress", "范立强"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("01_xiangtan_union_plenary", "王建军"),
        ("02_anshan_npc_appointments", "王建军"),
    ),
    (
        ("04_foshan_skills_festival", "陈志强"),
        ("09_macau_foshan_delegation", "陈志强"),
    ),
    (
        ("07_kashgar_skills_contest", "马秀兰"),
        ("08_haixi_appointment_notice", "马秀兰"),
    ),
    (
        ("05_yanbian_may_day_awards", "张秀芹"),
        ("06_shouguang_union_congress", "张秀芹"),
    ),
]

NOTES = {
    ("01_xiangtan_union_plenary", "王建军"): "湘潭市总工会党组成员、副主席 (Hunan)",
    ("02_anshan_npc_appointments", "王建军"): "鞍山市人民政府副市长 (Liaoning)",
    (
        "04_foshan_skills_festival",
        "陈志强",
    ): "美凯集团注塑车间班组长, a worker in Foshan (Guangdong)",
    (
        "09_macau_foshan_delegation",
        "陈志强",
    ): "澳门制造业职工协进会理事长, written 陳志強 (Macau)",
    (
        "07_kashgar_skills_contest",
        "马秀兰",
    ): "新疆生产建设兵团第三师图木舒克市总工会主席 (Xinjiang)",
    (
        "08_haixi_appointment_notice",
        "马秀兰",
    ): "海西州卫生健康委员会副主任 (Qinghai)",
    (
        "05_yanbian_may_day_awards",
        "张秀芹",
    ): "敦化市大石头镇林业工作站护林员 (Jilin)",
    (
        "06_shouguang_union_congress",
        "张秀芹",
    ): "寿光市总工会副主席 (Shandong)",
}
