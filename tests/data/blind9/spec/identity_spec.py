"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "山西晋宏泰能源集团有限公司党委副书记、总经理 (04 attests the post, 10 repeats it as 现任)",
        [
            ("04_jinhongtai_workers_congress", "申晓东"),
            ("10_changzhi_pre_appointment", "申晓东"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("01_sanya_union_plenary", "王建国"),
        ("05_shexian_village_craftsmen", "王建国"),
    ),
    (
        ("06_yichang_industrial_workers", "李娜"),
        ("07_licang_courier_brief", "李娜"),
    ),
]

NOTES = {
    ("01_sanya_union_plenary", "王建国"): "三亚市吉阳区总工会主席 (Hainan)",
    ("05_shexian_village_craftsmen", "王建国"): "涉县井店镇党委书记 (Hebei)",
    (
        "06_yichang_industrial_workers",
        "李娜",
    ): "宜昌猇亭新材料科技有限公司工会主席 (Hubei)",
    ("07_licang_courier_brief", "李娜"): "青岛市李沧区总工会副主席 (Shandong)",
}
