"""Extractors: one module per kind of thing read from text.

Each extractor is a function ``(ctx: Context) -> Found``
(:class:`kg.extract.base.Extractor`).  They run in the order of
:data:`EXTRACTORS`; each sees, in ``ctx.mentions``, what the earlier ones
found.  Adding an extractor is one module and one line here.
"""

from __future__ import annotations

from kg.extract import (
    appointments,
    communities,
    credits,
    departments,
    districts,
    initiatives,
    issuers,
    launches,
    name_lists,
    notices,
    organizations,
    people,
    posts,
    projects,
    renames,
    rosters,
    secondments,
    short_names,
    sites,
)
from kg.extract.base import Extractor

EXTRACTORS: dict[str, Extractor] = {
    "districts": districts.extract,
    "organizations": organizations.extract,
    "departments": departments.extract,
    "short_names": short_names.extract,
    "posts": posts.extract,
    "people": people.extract,
    "credits": credits.extract,
    "name_lists": name_lists.extract,
    "appointments": appointments.extract,
    "rosters": rosters.extract,
    "secondments": secondments.extract,
    "notices": notices.extract,
    "communities": communities.extract,
    "initiatives": initiatives.extract,
    "projects": projects.extract,
    "launches": launches.extract,
    "issuers": issuers.extract,
    "renames": renames.extract,
    "sites": sites.extract,
}
