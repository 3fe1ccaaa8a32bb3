"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "习近平, 总书记 (01 and 06 quote his remarks; null post 总书记 in both)",
        [
            ("01_nantong_union_plenary", "习近平"),
            ("06_jingxian_standing_committee", "习近平"),
        ],
    ),
    (
        "江苏省总工会副主席 (01 Simplified; 07 Traditional 顧曉東 leading a "
        "delegation to Hong Kong, same post)",
        [
            ("01_nantong_union_plenary", "顾晓东"),
            ("07_hongkong_union_exchange", "顾晓东"),
        ],
    ),
    (
        "浙江锦宏纺织集团有限公司党委书记、董事长 (05 at the group's congress "
        "in Keqiao; 06 at its subsidiary in Jing County, Anhui)",
        [
            ("05_keqiao_workers_congress", "沈国良"),
            ("06_jingxian_standing_committee", "沈国良"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("01_nantong_union_plenary", "李建华"),
        ("06_jingxian_standing_committee", "李建华"),
    ),
    (
        ("02_nanyang_appointment_notice", "刘洋"),
        ("08_dorbod_county_elections", "刘洋"),
    ),
    (
        ("04_baise_labour_awards", "黄海燕"),
        ("09_fujian_taiwan_awardees", "黄海燕"),
    ),
]

NOTES = {
    ("01_nantong_union_plenary", "李建华"): "南通市海门区总工会主席 (Jiangsu)",
    (
        "06_jingxian_standing_committee",
        "李建华",
    ): "泾县县委常委、常务副县长 (Anhui)",
    ("02_nanyang_appointment_notice", "刘洋"): "南阳市教育局局长 (Henan)",
    (
        "08_dorbod_county_elections",
        "刘洋",
    ): "杜尔伯特蒙古族自治县人大常委会副主任 (Heilongjiang)",
    ("04_baise_labour_awards", "黄海燕"): "那坡县城厢镇中心小学教师 (Guangxi)",
    (
        "09_fujian_taiwan_awardees",
        "黄海燕",
    ): "福建省总工会副主席, written 黃海燕 (Fujian)",
}
