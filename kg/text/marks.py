"""How news writing numbers terms and notes people: regex fragments shared
by the extractors (strings, to be composed into their own patterns).

One place for each, so that a numeral the writers use (第十四届, 第3次,
第一百零一次) or a note they put after a name (（女）, （女，蒙古族，护士长）)
is read the same way by every rule that meets it.
"""

from __future__ import annotations

NUMERAL = "[一二三四五六七八九十百零〇\\d]{1,4}"
"""A number in Chinese or Arabic numerals: 十四, 3, 一百零一."""

SESSION = f"第{NUMERAL}届"
"""The term of an elected body: 第十四届, 第3届."""

THIS_SESSION = f"(?:{SESSION}|新一届|本届)"
"""A term named by number or as the one being elected: 新一届, 本届."""

SEX = "[男女]"
"""A person's sex, as a note after the name gives it: 甲（女）."""

ETHNICITY = "[\u4e00-\u9fff]{1,4}族"
"""A person's nationality, as a note gives it: 蒙古族, 布依族."""

NOTE_OPENING = f"(?:{SEX}[，,、])?(?:{ETHNICITY}[，,、])?"
"""What may open the note after a listed name before its unit or title:
女，布依族，…"""
