"""Chinese surnames: the lists the name readers start a name from
(:mod:`kg.extract.name_shapes`) and the gazetteer's test for a surname
before a place name (:mod:`kg.extract.place_bounds`).
"""

from __future__ import annotations

SURNAMES_SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
    "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲"
    "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚"
    "皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索"
    "宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯"
    "隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植"
    "衡富尧闭由习丘荀蒯芈咸戚晏扶泮逄郏禚甯禤訾谯鄂阎鄞郗仉琚拓"
)
"""Common single-character surnames (several hundred; covers >95% of people)."""

SURNAMES_DOUBLE = frozenset(
    (
        "欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 司徒 夏侯 尉迟 长孙 "
        "宇文 公孙 端木 轩辕 呼延 独孤 南宫 西门 百里 万俟 澹台 闻人 "
        "赫连 申屠 钟离"
    ).split()
)

MORE_SURNAMES = frozenset(
    "傅萧洪赖钮贝凤寿宦庹濮蔚隗郦钭糜苻缑庾弘桓暨莘韶宓贲骞汝蓟翦殳佴厍邴汲弓璩竺綦"
    "纳"  # a Hui surname (纳文清)
)
"""Single-character surnames missing from :data:`SURNAMES_SINGLE` (傅, 萧, 洪, 赖
are among the most common); kept apart so that the gazetteer's
surname test (districts) is unchanged."""
