"""Cross-article identity: which person mentions are the same real person.

Every Person of every gold file becomes one mention; people not listed in
SAME are singleton clusters. HOMONYMS lists pairs of clusters that share a
name but are different people.
"""

# (note, [(doc, person name), ...]) — one real person seen in several articles
SAME = [
    (
        "深港通达冷链运输有限公司跨境车队队长, a Shenzhen cross-boundary driver: "
        "on the Guangdong May Day medal list in 04 (April 2024, Simplified); "
        "sharing his experience at a Hong Kong drivers' ceremony in 09 (May "
        "2024, written 何家輝, 'received the medal last month')",
        [
            ("04_guangdong_may_day_awards", "何家辉"),
            ("09_hk_coldchain_drivers", "何家辉"),
        ],
    ),
    (
        "申联精机（苏州）有限公司总经理: attending the Suzhou union plenary as a "
        "全国劳动模范 in 01 (January 2024); reporting on the Suzhou plant at the "
        "Shanghai parent company's 职代会 in 05 (March 2024)",
        [
            ("01_suzhou_union_plenary", "华志远"),
            ("05_shanghai_workers_congress", "华志远"),
        ],
    ),
    (
        "长沙市人力资源和社会保障局局长: appointed by the Changsha people's "
        "congress standing committee in 02 (February 2024); leading a Changsha "
        "delegation to Toksun, Xinjiang in 06 (July 2024)",
        [
            ("02_changsha_npc_appointments", "黄立新"),
            ("06_toksun_county_inspection", "黄立新"),
        ],
    ),
    (
        "福建闽兴能源集团有限公司副总经理, seconded (挂职) as 宁夏瀚泽能源集团"
        "副总经理 from March 2024: the Ningxia company's decision in 08 "
        "(Simplified); named in the Traditional feature on a Fujian union "
        "official in 10 (October 2024, written 林志鵬)",
        [
            ("08_ningxia_energy_appointments", "林志鹏"),
            ("10_fujian_union_feature", "林志鹏"),
        ],
    ),
]

# pairs of (doc, person name) that share a name but are different people
HOMONYMS = [
    (
        ("08_ningxia_energy_appointments", "陈静"),
        ("10_fujian_union_feature", "陈静"),
    ),
    (
        ("04_guangdong_may_day_awards", "黄志明"),
        ("09_hk_coldchain_drivers", "黄志明"),
    ),
    (
        ("01_suzhou_union_plenary", "吴秀英"),
        ("05_shanghai_workers_congress", "吴秀英"),
    ),
    (
        ("03_honghe_pre_appointment_notice", "王芳"),
        ("07_haikou_outdoor_workers_station", "王芳"),
    ),
]

NOTES = {
    (
        "08_ningxia_energy_appointments",
        "陈静",
    ): "宁夏瀚泽能源集团有限公司总会计师 (Ningxia)",
    (
        "10_fujian_union_feature",
        "陈静",
    ): "厦门晶屿微电子有限公司设备工程师, a young Taiwanese woman working in "
    "Xiamen, written 陳靜",
    (
        "04_guangdong_may_day_awards",
        "黄志明",
    ): "佛山美嘉家电有限公司总装车间班组长 (Guangdong worker)",
    (
        "09_hk_coldchain_drivers",
        "黄志明",
    ): "香港冷链物流从业员协会主席, written 黃志明 (Hong Kong)",
    (
        "01_suzhou_union_plenary",
        "吴秀英",
    ): "苏州洁城环境服务有限公司清扫班班长 (Suzhou street cleaner)",
    (
        "05_shanghai_workers_congress",
        "吴秀英",
    ): "申联精机工会副主席、女职工委员会主任 (Shanghai)",
    (
        "03_honghe_pre_appointment_notice",
        "王芳",
    ): "蒙自市副市长, born in Gejiu (Yunnan)",
    (
        "07_haikou_outdoor_workers_station",
        "王芳",
    ): "椰风志愿服务队队长, a retired bank employee (Haikou, Hainan)",
}
