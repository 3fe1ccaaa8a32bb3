"""Person identity across articles (kg/resolve/identity.py): tables of
invented mention records and the people they must make."""

from __future__ import annotations

import random

import pytest

from kg.resolve.identity import (
    Overrides,
    PersonMention,
    cluster_people,
    keep_identities,
)
from kg.resolve.people import company_core

# a toy place tree: 330500 湖州市 ⊃ 330502 吴兴区, 330521 德清县; 510722 三台县
PARENT = {"330502": "330500", "330521": "330500", "330500": "330000"}


def within(a: str, b: str) -> bool:
    while a:
        if a == b:
            return True
        a = PARENT.get(a, "")
    return False


def m(
    doc,
    name="王建国",
    *,
    orgs=(),
    places=(),
    seats=(),
    roles=(),
    where=(),
    companions=(),
    context=(),
    date="",
):
    return PersonMention(
        doc=doc,
        name=name,
        date=date or f"2020-01-{doc[-2:]}",
        orgs=frozenset(orgs),
        org_places=frozenset(places),
        seats=frozenset(seats),
        roles=frozenset(roles),
        places=frozenset(where),
        companions=frozenset(companions),
        context=frozenset(context),
    )


def people(mentions, **kw) -> list[set[str]]:
    clusters = cluster_people(mentions, within=within, core_of=company_core, **kw)
    return sorted(({x.doc for x in c.mentions} for c in clusters), key=sorted)


UNION = "湖州市总工会"
CASES = [
    # same organisation, years apart: one person
    (
        [
            m("d01", orgs=[UNION], places=["330500"]),
            m("d02", orgs=[UNION], places=["330500"]),
        ],
        [{"d01", "d02"}],
    ),
    # a body and its department
    (
        [m("d01", orgs=[UNION], places=["330500"]), m("d02", orgs=[UNION + "办公室"])],
        [{"d01", "d02"}],
    ),
    # a company and its subsidiary (same company core)
    (
        [
            m("d01", orgs=["山东瀚岳建工集团有限公司"]),
            m("d02", orgs=["潍坊瀚岳路桥工程有限公司"]),
        ],
        [{"d01", "d02"}],
    ),
    # a successor post in another body of the same county: 副县长 → 县委副书记
    (
        [
            m("d01", orgs=["三台县人民政府"], places=["510722"], roles=["副县长"]),
            m("d02", orgs=["三台县委"], places=["510722"], roles=["副书记"]),
        ],
        [{"d01", "d02"}],
    ),
    # same name, same role word, unions of two districts: two people
    (
        [
            m("d01", orgs=["吴兴区总工会"], places=["330502"], roles=["主席"]),
            m("d02", orgs=["武进区总工会"], places=["320412"], roles=["主席"]),
        ],
        [{"d01"}, {"d02"}],
    ),
    # two companies of one city are not one body: two people
    (
        [
            m("d01", orgs=["湖州甲乙纺织有限公司"], seats=["330500"], roles=["总经理"]),
            m("d02", orgs=["湖州丙丁机械有限公司"], seats=["330500"], roles=["总经理"]),
        ],
        [{"d01"}, {"d02"}],
    ),
    # a parent and a child place are not the same place
    (
        [
            m("d01", orgs=["湖州市人民政府"], places=["330500"]),
            m("d02", orgs=["德清县总工会"], places=["330521"]),
        ],
        [{"d01"}, {"d02"}],
    ),
    # a name with no post joins the only candidate of the article's places
    (
        [
            m("d01", orgs=["吴兴区总工会"], places=["330502"]),
            m("d02", orgs=["武进区总工会"], places=["320412"]),
            m("d03", where=["330500"]),
        ],
        [{"d01", "d03"}, {"d02"}],
    ),
    # ... or of an organisation the article names
    (
        [
            m("d01", orgs=["山东瀚岳建工集团有限公司"]),
            m("d02", context=["山东瀚岳建工集团有限公司"]),
        ],
        [{"d01", "d02"}],
    ),
    # several candidates in the article's places: the one with its title
    (
        [
            m("d01", orgs=["吴兴区总工会"], places=["330502"], roles=["主席"]),
            m("d02", orgs=["德清县总工会"], places=["330521"], roles=["副主席"]),
            m("d03", roles=["副主席"], where=["330500"]),
        ],
        [{"d01"}, {"d02", "d03"}],
    ),
    # several candidates and nothing to choose by: a person of its own
    (
        [
            m("d01", orgs=["吴兴区总工会"], places=["330502"]),
            m("d02", orgs=["德清县总工会"], places=["330521"]),
            m("d03", where=["330500"]),
        ],
        [{"d01"}, {"d02"}, {"d03"}],
    ),
    # no context at all: a person of its own
    ([m("d01", orgs=[UNION], places=["330500"]), m("d02")], [{"d01"}, {"d02"}]),
    # an office one person holds at a time in the country, with no body:
    # one person; a title many hold (副主任, with no body) is no evidence
    (
        [m("d01", "习近平", roles=["总书记"]), m("d02", "习近平", roles=["总书记"])],
        [{"d01", "d02"}],
    ),
    ([m("d01", roles=["副主任"]), m("d02", roles=["副主任"])], [{"d01"}, {"d02"}]),
    # different names never merge, whatever they share
    (
        [
            m("d01", orgs=[UNION], places=["330500"]),
            m("d02", "沈国华", orgs=[UNION], places=["330500"]),
        ],
        [{"d01"}, {"d02"}],
    ),
]


@pytest.mark.parametrize("mentions, expected", CASES)
def test_people_from_evidence(mentions, expected):
    assert people(mentions) == sorted(expected, key=sorted)


@pytest.mark.parametrize("mentions, expected", CASES)
def test_order_of_articles_does_not_matter(mentions, expected):
    shuffled = list(mentions)
    random.Random(7).shuffle(shuffled)
    assert people(shuffled) == people(mentions)


def test_every_merge_says_why():
    [cluster] = cluster_people(
        [
            m("d01", orgs=[UNION], places=["330500"]),
            m("d02", orgs=[UNION], places=["330500"]),
            m("d03", where=["330500"]),
        ],
        within=within,
    )
    assert cluster.anchor == UNION
    assert any(f"same organisation {UNION}" in r for r in cluster.reasons)
    assert any("no post in d03" in r for r in cluster.reasons)


def test_overrides():
    one_union = [
        m("d01", orgs=[UNION], places=["330500"]),
        m("d02", orgs=[UNION], places=["330500"]),
    ]
    apart = Overrides(different=((("d01", "王建国"), ("d02", "王建国")),))
    assert people(one_union, overrides=apart) == [{"d01"}, {"d02"}]
    two_places = [
        m("d01", orgs=["吴兴区总工会"], places=["330502"]),
        m("d02", orgs=["武进区总工会"], places=["320412"]),
    ]
    same = Overrides(same=(frozenset({("d01", "王建国"), ("d02", "王建国")}),))
    assert people(two_places, overrides=same) == [{"d01", "d02"}]
    gone = Overrides(not_person=frozenset({"王建国"}))
    assert people(one_union, overrides=gone) == []


def test_a_node_keeps_its_person_when_articles_are_added():
    before = cluster_people([m("d01", orgs=[UNION], places=["330500"])], within=within)
    previous = {("d01", "王建国"): "node-A"}
    after = cluster_people(
        [
            m("d01", orgs=[UNION], places=["330500"]),
            m("d02", orgs=[UNION], places=["330500"]),
            m("d03", orgs=["武进区总工会"], places=["320412"]),
        ],
        within=within,
    )
    kept = keep_identities(after, previous)
    assert len(before) == 1 and len(after) == 2
    assert [after[i].docs for i in kept] == [("d01", "d02")]
    assert set(kept.values()) == {"node-A"}


@pytest.mark.parametrize(
    "name, core",
    [
        ("山东瀚岳建工集团有限公司", "瀚岳"),
        ("潍坊瀚岳路桥工程有限公司", "瀚岳"),
        ("湖州市总工会", ""),
        ("厦门鹭翔供应链管理有限公司", "鹭翔"),
    ],
)
def test_company_core(name, core):
    assert company_core(name) == core


def test_people_of_one_name_say_why_they_are_apart():
    clusters = cluster_people(
        [
            m("d01", orgs=["吴兴区总工会"], places=["330502"]),
            m("d02", orgs=["武进区总工会"], places=["320412"]),
        ],
        within=within,
    )
    assert [c.anchor for c in clusters] == ["吴兴区总工会", "武进区总工会"]
    assert "kept apart from 1 other 王建国" in clusters[0].reasons[-1]
    assert "武进区总工会" in clusters[0].reasons[-1]
