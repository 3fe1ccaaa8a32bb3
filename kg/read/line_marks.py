"""What a line of a page says it is by its own words: an appendix mark, a
numbered section, a signer, the title of a list inside an article, the
closing lines of a notice.  :mod:`kg.read.pages` reads them to keep such
lines in their article: neither headlines of articles of their own nor text
wrapped into the paragraph before.
"""

from __future__ import annotations

import re

APPENDIX = re.compile(r"附(?:件|表|录)?\s*[\d一二三四五六七八九十]*\s*(?:[：:]|$)")
"""附：选举结果, 附件1, 附件：1. …名单: what follows is the article's appendix
(lists, tables), not another article."""
SECTION = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]")
"""一、成都市 / （一）某某公司: a numbered section, whose short lines
(甲（女）　车间主任) are a list, not headlines."""
SIGNER = re.compile(
    r"[^\s，,。；;：:]{2,24}?(?:人民政府|政府|委员会|党委|总工会|工会|办公室|办|局|厅"
    r"|部|委|院|会|中心|公司|集团|大学|学校)"
)
"""某某县人民政府: a body that signs a notice (above its date line)."""
LIST_TITLE = re.compile(
    r"[^。！？，,；;\n]{2,40}?(?:名单[：:]?"
    r"|(?:获得者|获奖者|人选)(?:[（(][^（）()\n]{1,8}[)）][：:]?|[：:]))"
)
"""安徽省五一劳动奖章获得者（部分）, 拟表彰名单, 获奖者：: the title of a list
inside an article (a headline may end in 获得者, not in a note or a colon);
the lines under it are its items, not headlines or wrapped text."""
NOTICE_TAIL = re.compile(
    r"[（(]此件[^（）()\n]{0,10}[)）]|(?:抄送|主送|印发|抄报)[：:]"
)
"""（此件公开发布）, 抄送：…: the closing lines of an official notice, not
the headline of another article."""
