"""Tiny DSL used to write the blind8 gold files compactly."""


class Doc:
    def __init__(self, stem, date):
        self.stem, self.date = stem, date
        self.entities, self.relations = [], []

    def _e(self, types, name, aliases, opt):
        e = {"type": types} if isinstance(types, str) else {"types": list(types)}
        e["name"] = name
        if aliases:
            e["aliases"] = list(aliases)
        if opt:
            e["optional"] = True
        self.entities.append(e)

    def P(self, name, *al, opt=False):
        self._e("Person", name, al, opt)

    def O(self, name, *al, opt=False):  # noqa: E743 (the spec language's letters)
        self._e("Organization", name, al, opt)

    def D(self, name, *al, opt=False):
        self._e("District", name, al, opt)

    def I(self, name, *al, opt=False):  # noqa: E743
        self._e("Initiative", name, al, opt)

    def OI(self, name, *al, opt=False):
        self._e(("Organization", "Initiative"), name, al, opt)

    def _r(self, r, opt):
        if opt:
            r["optional"] = True
        self.relations.append(r)

    def post(self, person, org, roles, opt=False, ended=False):
        r = {
            "type": "post",
            "person": person,
            "organization": org,
            "roles": list(roles),
        }
        if ended:
            r["ended"] = True
        self._r(r, opt)

    def loc(self, s, o, opt=False):
        self._r({"type": "locatedIn", "subject": s, "object": o}, opt)

    def part(self, s, o, opt=False):
        self._r({"type": "partOf", "subject": s, "object": o}, opt)

    def launch(self, s, o, opt=False):
        self._r({"type": "launchedBy", "subject": s, "object": o}, opt)

    def author(self, p):
        self._r({"type": "author", "person": p}, False)

    def gold(self):
        return {
            "document": self.stem + ".txt",
            "entities": self.entities,
            "relations": self.relations,
        }
