"""A role that names a body inside the organisation asked about.

An analyst asks who was 工会主席 of a company, or 党委委员 of a bureau; the
graph holds the post where the guidelines put it: 主席 of the company's 工会,
委员 of the bureau's 党委 (a company's own Party roles stay in the company,
and are found as asked).  When ``post-holders`` finds nobody for the role as
asked, :func:`inner_body_params` gives the question again for each body word
the role opens with, and kg asks that instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

BODY_WORDS = ("工会", "党委", "党组", "党总支", "党支部", "纪委", "团委")
"""Bodies inside an organisation that a role's name may open with."""


def inner_body_params(params: Mapping[str, str]) -> Iterator[dict[str, str]]:
    """The same question asked of the inner body a role names: (role
    工会主席, org 某公司) → (role 主席, org 某公司工会)."""
    role, org = params.get("role", ""), params.get("org", "")
    for word in sorted(BODY_WORDS, key=len, reverse=True):
        if role.startswith(word) and len(role) > len(word) and org:
            yield {**params, "role": role[len(word) :], "org": org + word}
            return


RETRIES = {"post-holders": inner_body_params}
"""Bundled queries that ask again, and how, when they find nothing."""
