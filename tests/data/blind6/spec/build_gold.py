"""Helper: build the gold files of this set from the compact annotation specs
in spec/gold/NN.spec, and identity.json from spec/gold/identity.spec.

Run from anywhere with the throw-away OpenCC venv (only needed for the
Traditional articles, to list their Traditional surface forms as aliases):
    /tmp/occ/bin/python spec/build_gold.py

Spec syntax (one item a line, '#' starts a comment line):
    doc FILE.txt            the article
    date YYYY-MM-DD         publication date (for identity.json mentions)
    trad s2hk|s2tw          article is Traditional: add Traditional aliases
    P|O|D|I|OI[?] NAME [| ALIAS ...]   entity (OI = Organization+Initiative),
                            '?' = optional
    post[?|~] PERSON > ORG|- : ROLE, ROLE   ('-' = no organisation,
                            '~' = ended, always optional)
    loc[?] ORG > DISTRICT   locatedIn
    part[?] DISTRICT > PARENT   partOf
    by[?] INITIATIVE > ORG|DISTRICT|PERSON   launchedBy
    author[?] PERSON
"""
import itertools
import json
import os
import sys
import unicodedata
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TYPES = {'P': ['Person'], 'O': ['Organization'], 'D': ['District'],
         'I': ['Initiative'], 'OI': ['Organization', 'Initiative']}
QUOTES = '“”‘’「」『』"\''


def norm(s):
    s = unicodedata.normalize('NFKC', s)
    return ''.join(c for c in s if c not in QUOTES and not c.isspace())


def trad_converter(cfg):
    from opencc import OpenCC
    fixes = FIXES[cfg]
    cc = OpenCC(cfg)

    def conv(s):
        out = cc.convert(s)
        for a, b in fixes:
            out = out.replace(a, b)
        return out
    return conv


# same hand fixes as make_trad.py (kept in one place there; copied here so
# that this helper does not run make_trad's main)
FIXES = {
    's2hk': [('户', '戶'), ('温', '溫'), ('衞', '衛'), ('説', '說'), ('啓', '啟'),
             ('併為', '並為'), ('瞭解', '了解'), ('綫', '線'), ('着', '著'), ('裏', '裡')],
    's2tw': [],
}


def parse(path):
    spec = {'entities': OrderedDict(), 'relations': [], 'trad': None}
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        head, _, rest = line.partition(' ')
        rest = rest.strip()
        opt = head.endswith('?')
        ended = head.endswith('~')
        key = head.rstrip('?~')
        if key == 'doc':
            spec['doc'] = rest
        elif key == 'date':
            spec['date'] = rest
        elif key == 'trad':
            spec['trad'] = rest
        elif key in TYPES:
            parts = [p.strip() for p in rest.split('|')]
            name, aliases = parts[0], parts[1:]
            if name in spec['entities']:
                sys.exit('%s:%d duplicate entity %s' % (path, ln, name))
            spec['entities'][name] = {'types': TYPES[key], 'aliases': aliases,
                                      'optional': opt}
        elif key == 'post':
            left, _, roles = rest.partition(':')
            person, _, org = left.partition('>')
            org = org.strip()
            spec['relations'].append({
                'type': 'post', 'person': person.strip(),
                'organization': None if org == '-' else org,
                'roles': [r.strip() for r in roles.split(',') if r.strip()],
                'ended': ended, 'optional': opt or ended})
        elif key in ('loc', 'part', 'by'):
            s, _, o = rest.partition('>')
            spec['relations'].append({
                'type': {'loc': 'locatedIn', 'part': 'partOf', 'by': 'launchedBy'}[key],
                'subject': s.strip(), 'object': o.strip(), 'optional': opt})
        elif key == 'author':
            spec['relations'].append({'type': 'author', 'person': rest, 'optional': opt})
        else:
            sys.exit('%s:%d cannot parse: %s' % (path, ln, line))
    return spec


def build(spec):
    text = open(os.path.join(ROOT, spec['doc']), encoding='utf-8').read()
    ntext = norm(text)
    conv = trad_converter(spec['trad']) if spec['trad'] else None
    ents = []
    for name, e in spec['entities'].items():
        aliases = list(e['aliases'])
        if conv:
            for form in [name] + e['aliases']:
                t = conv(form)
                if t != form and t not in aliases and t != name:
                    if norm(t) in ntext:
                        aliases.append(t)
                    else:
                        print('  note %s: Traditional form %s not in text' % (spec['doc'], t))
        d = OrderedDict()
        if len(e['types']) == 1:
            d['type'] = e['types'][0]
        else:
            d['types'] = e['types']
        d['name'] = name
        if aliases:
            d['aliases'] = aliases
        if e['optional']:
            d['optional'] = True
        ents.append(d)
    names = set(spec['entities'])
    rels = []
    for r in spec['relations']:
        d = OrderedDict([('type', r['type'])])
        if r['type'] == 'post':
            d['person'] = r['person']
            d['organization'] = r['organization']
            d['roles'] = r['roles']
            ends = [r['person']] + ([r['organization']] if r['organization'] else [])
            if r['ended']:
                d['ended'] = True
        elif r['type'] == 'author':
            d['person'] = r['person']
            ends = [r['person']]
        else:
            d['subject'] = r['subject']
            d['object'] = r['object']
            ends = [r['subject'], r['object']]
        for x in ends:
            if x not in names:
                sys.exit('%s: relation end %s is not an entity' % (spec['doc'], x))
        if r['optional']:
            d['optional'] = True
        rels.append(d)
    gold = OrderedDict([('document', spec['doc']), ('entities', ents), ('relations', rels)])
    out = os.path.join(ROOT, spec['doc'][:-4] + '.gold.json')
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write('\n')
    return gold


def mention_of(spec, person):
    posts = [r for r in spec['relations'] if r['type'] == 'post' and r['person'] == person]
    order = sorted(posts, key=lambda r: (r['optional'], r['organization'] is None))
    m = OrderedDict([('doc', spec['doc'][:-4]), ('name', person)])
    if order:
        m['roles'] = order[0]['roles']
        m['organization'] = order[0]['organization']
    else:
        m['roles'] = []
        m['organization'] = None
    m['date'] = spec.get('date')
    return m


def build_identity(specs):
    same, notes = [], {}
    for line in open(os.path.join(HERE, 'gold', 'identity.spec'), encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        head, _, rest = line.partition(' ')
        if head == 'same':
            same.append([tuple(x.split(':', 1)) for x in rest.split()])
        elif head == 'note':
            key, _, note = rest.partition(' ')
            notes[tuple(key.split(':', 1))] = note
    by_key = {}
    clusters = []
    for spec in specs:
        stem = spec['doc'][:-4]
        for name, e in spec['entities'].items():
            if e['types'] == ['Person']:
                key = (stem, name)
                by_key[key] = spec
    assigned = {}
    for group in same:
        for k in group:
            if k not in by_key:
                sys.exit('identity.spec: unknown mention %s' % (k,))
        clusters.append(list(group))
        for k in group:
            assigned[k] = len(clusters) - 1
    for spec in specs:
        stem = spec['doc'][:-4]
        for name, e in spec['entities'].items():
            if e['types'] == ['Person'] and (stem, name) not in assigned:
                clusters.append([(stem, name)])
                assigned[(stem, name)] = len(clusters) - 1
    people = []
    for i, group in enumerate(clusters, 1):
        p = OrderedDict([('id', 'P%d' % i), ('name', group[0][1])])
        note = next((notes[k] for k in group if k in notes), None)
        if note:
            p['note'] = note
        p['mentions'] = [mention_of(by_key[k], k[1]) for k in group]
        people.append(p)
    homonyms = []
    for a, b in itertools.combinations(people, 2):
        if a['name'] == b['name']:
            homonyms.append([a['id'], b['id']])
            print('  homonym pair %s %s: %s' % (a['id'], b['id'], a['name']))
    ident = OrderedDict([('people', people), ('homonym_pairs', homonyms)])
    with open(os.path.join(ROOT, 'identity.json'), 'w', encoding='utf-8') as f:
        json.dump(ident, f, ensure_ascii=False, indent=1)
        f.write('\n')


def main():
    specs = []
    for fn in sorted(os.listdir(os.path.join(HERE, 'gold'))):
        if fn.endswith('.spec') and fn != 'identity.spec':
            spec = parse(os.path.join(HERE, 'gold', fn))
            build(spec)
            specs.append(spec)
            print('built', spec['doc'])
    build_identity(specs)


if __name__ == '__main__':
    main()
