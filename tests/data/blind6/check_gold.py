#!/usr/bin/env python3
"""Check the gold files of this folder against the format rules of
/work/shared/gold/GUIDELINES.md (standard library only).

    python3 check_gold.py [FOLDER] [--stats] [--quiet]

FOLDER defaults to the folder of this script. Every NN_slug.txt must have
a NN_slug.gold.json beside it (and the other way round); identity.json is
checked when present. Prints each error and a summary line
'check_gold: N files, E errors, W notes'; exits 1 when there are errors.

Rules checked (G = stated in the guidelines, S = house rule of this set,
see README.md):
 text      G  UTF-8; S  300-1200 characters, a headline line first
 file      G  keys exactly document/entities/relations; document names the text
 entity    G  keys type|types, name, aliases, optional; type(s) among Person,
              Organization, District, Initiative; 'types' lists two or more
           G  canonical name Simplified (no Traditional-only character)
           S  labels (name + aliases, NFKC, quotes and white space removed)
              unique across entities of a file; no alias repeating the name
           S  every alias occurs in the text (or in its character-by-character
              Simplified reading, for Traditional articles); every required
              entity has its name or an alias in the text; a name absent
              from the text (a name completed from context, e.g. 区总工会
              -> 滨湖区总工会) is reported as a note
 relation  G  type among post, locatedIn, partOf, launchedBy, author with
              the keys of the guidelines; ends name an entity of the file by
              name or alias; end kinds: post person=Person, organization=
              Organization or null; locatedIn Organization -> District;
              partOf District -> District; launchedBy Initiative ->
              Organization | District | Person; author Person
           G  roles: a list of bare titles in Simplified; a null-organisation
              post has at least one role; 'ended' only on posts, and an ended
              post is optional
           S  every role occurs in the text (or its Simplified reading); no
              duplicate relations (a post may be given twice for one
              person and organisation only as one required and one optional
              entry: the optional one adds roles that are right but not
              required); a required relation has no optional end;
              partOf: no self loop, no cycle, at most one required parent
 identity  G  keys; every Person of every gold file is exactly one mention of
              exactly one cluster; homonym pairs name clusters that share a
              name, and every such pair is listed; S mention organisation and
              roles agree with a post of that gold file
"""
import itertools
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

KINDS = ('Person', 'Organization', 'District', 'Initiative')
REL_KEYS = {
    'post': ({'type', 'person', 'organization', 'roles'}, {'ended', 'optional'}),
    'locatedIn': ({'type', 'subject', 'object'}, {'optional'}),
    'partOf': ({'type', 'subject', 'object'}, {'optional'}),
    'launchedBy': ({'type', 'subject', 'object'}, {'optional'}),
    'author': ({'type', 'person'}, {'optional'}),
}
ENT_KEYS = {'type', 'types', 'name', 'aliases', 'optional'}
QUOTES = set('“”‘’「」『』"\'')

# Traditional -> Simplified, one character each. The first block was taken
# from the OpenCC conversions of this set's four Traditional articles (no
# character there has two readings); the second is a small supplement of
# common characters of the genre.
_TRAD = ('並佈佔來個側傑傘備儀優內兩冊劃動務勞勵區參吳員啟單國團堅報場奪學實審將專對導屆'
         '師帶幹廠廣張後應戶撐擔據擬擴擺攝數於時晉曉書會東棟楊業標機檢歷氣決況涼測準溫漢'
         '澤濟濤灣為烏營爾牽獎獨獲現瑪環瓊產療發瞭積筍節約級紹組結經綜網線縣總織續義聞聯'
         '職臺與舉華萬著薦藝藥處螄術衛裝裡製觀訂計訊訓託記訪設許訴診評試認說請講識議護負'
         '財責貴買資賢質車軍輕輝輪辭農這連週進過達遜遞選還鄭醫針鎮鐘長門開間閱關陳陸隊隨'
         '電韋項順領頭願類顯風飲養餘馬驗驛體鰲鴻麗黃點黨龍'
         '鄉協園廳邊歲號壽橋濱嶺蘭寧齊遼陝雲寶讀圖紀練習權維範傳統構島鐵鋼礦煉爐輛檔屬憲'
         '監獄鑒衆眾幣錢銀貨債價稅費頒證顏')
_SIMP = ('并布占来个侧杰伞备仪优内两册划动务劳励区参吴员启单国团坚报场夺学实审将专对导届'
         '师带干厂广张后应户撑担据拟扩摆摄数于时晋晓书会东栋杨业标机检历气决况凉测准温汉'
         '泽济涛湾为乌营尔牵奖独获现玛环琼产疗发了积笋节约级绍组结经综网线县总织续义闻联'
         '职台与举华万着荐艺药处蛳术卫装里制观订计讯训托记访设许诉诊评试认说请讲识议护负'
         '财责贵买资贤质车军轻辉轮辞农这连周进过达逊递选还郑医针镇钟长门开间阅关陈陆队随'
         '电韦项顺领头愿类显风饮养余马验驿体鳌鸿丽黄点党龙'
         '乡协园厅边岁号寿桥滨岭兰宁齐辽陕云宝读图纪练习权维范传统构岛铁钢矿炼炉辆档属宪'
         '监狱鉴众众币钱银货债价税费颁证颜')
assert len(_TRAD) == len(_SIMP)
T2S = dict(zip(_TRAD, _SIMP))
# characters that are also written in Simplified text (著作, 瞭望, surname 於)
TRAD_ONLY = set(_TRAD) - set('著瞭於')


def norm(s):
    """The guidelines' comparison form: NFKC, no quotation marks, no white space."""
    s = unicodedata.normalize('NFKC', s)
    return ''.join(c for c in s if c not in QUOTES and not c.isspace())


def simplified(s):
    return ''.join(T2S.get(c, c) for c in s)


class Report:
    def __init__(self, quiet=False):
        self.errors = []
        self.notes = []
        self.quiet = quiet

    def err(self, where, msg):
        self.errors.append('%s: %s' % (where, msg))

    def note(self, where, msg):
        self.notes.append('%s: %s' % (where, msg))


def is_true(v):
    return v is True


def check_text(path, rep):
    where = os.path.basename(path)
    try:
        raw = open(path, 'rb').read()
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        rep.err(where, 'not UTF-8 (%s)' % e)
        return None
    if text.startswith('\ufeff'):
        rep.err(where, 'starts with a byte-order mark')
    n = len(text.strip())
    if not 300 <= n <= 1200:
        rep.err(where, 'length %d characters, outside 300-1200' % n)
    first = text.lstrip('\ufeff').split('\n', 1)[0].strip()
    if not first:
        rep.err(where, 'first line (headline) is empty')
    elif len(first) > 60 or first.endswith('。'):
        rep.err(where, 'first line does not look like a headline: %r' % first)
    return text


def check_gold(gpath, text, rep):
    where = os.path.basename(gpath)
    try:
        gold = json.load(open(gpath, encoding='utf-8'))
    except (ValueError, UnicodeDecodeError) as e:
        rep.err(where, 'not valid UTF-8 JSON: %s' % e)
        return None
    if not isinstance(gold, dict):
        rep.err(where, 'top level is not an object')
        return None
    if set(gold) != {'document', 'entities', 'relations'}:
        rep.err(where, 'top-level keys %s, expected document/entities/relations'
                % sorted(gold))
    doc = gold.get('document')
    if doc != where[:-len('.gold.json')] + '.txt':
        rep.err(where, 'document %r does not name its text file' % doc)
    ents = gold.get('entities')
    rels = gold.get('relations')
    if not isinstance(ents, list) or not isinstance(rels, list):
        rep.err(where, 'entities and relations must be lists')
        return None

    ntext = norm(text or '')
    nsimp = norm(simplified(text or ''))

    def in_text(s):
        n = norm(s)
        return bool(n) and (n in ntext or n in nsimp)

    label_owner = {}      # normalised label -> entity index
    kinds = []            # per entity: set of kinds
    optional = []
    names = []
    for i, e in enumerate(ents):
        w = '%s entity #%d' % (where, i + 1)
        if not isinstance(e, dict):
            rep.err(w, 'not an object')
            kinds.append(set()); optional.append(False); names.append(None)
            continue
        extra = set(e) - ENT_KEYS
        if extra:
            rep.err(w, 'unknown keys %s' % sorted(extra))
        ks = set()
        if ('type' in e) == ('types' in e):
            rep.err(w, 'needs exactly one of type / types')
        if 'type' in e:
            if e['type'] not in KINDS:
                rep.err(w, 'type %r not one of %s' % (e['type'], KINDS))
            else:
                ks.add(e['type'])
        if 'types' in e:
            t = e['types']
            if (not isinstance(t, list) or len(t) < 2 or len(set(t)) != len(t)
                    or any(x not in KINDS for x in t)):
                rep.err(w, 'types must list two or more distinct kinds: %r' % (t,))
            else:
                ks.update(t)
        name = e.get('name')
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            rep.err(w, 'name must be a non-empty string without outer spaces: %r' % (name,))
            name = None
        else:
            w = '%s entity %s' % (where, name)
        if 'optional' in e and not is_true(e['optional']):
            rep.err(w, 'optional must be true when present')
        opt = is_true(e.get('optional'))
        aliases = e.get('aliases', [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            rep.err(w, 'aliases must be a list of non-empty strings')
            aliases = []
        if 'aliases' in e and not aliases:
            rep.err(w, 'aliases present but empty')
        kinds.append(ks); optional.append(opt); names.append(name)
        if name is None:
            continue
        if any(c in TRAD_ONLY for c in name):
            rep.err(w, 'canonical name is not Simplified (%s)'
                    % ''.join(c for c in name if c in TRAD_ONLY))
        seen = set()
        for lab in [name] + aliases:
            n = norm(lab)
            if n in seen:
                rep.err(w, 'label %r repeated (alias equal to name or another alias)' % lab)
                continue
            seen.add(n)
            if n in label_owner and label_owner[n] != i:
                rep.err(w, 'label %r also names entity %s' % (lab, names[label_owner[n]]))
            label_owner[n] = i
        for a in aliases:
            if not in_text(a):
                rep.err(w, 'alias %r does not occur in the text' % a)
        present = [lab for lab in [name] + aliases if in_text(lab)]
        if not present:
            if opt:
                rep.note(w, 'optional entity with no surface form in the text')
            else:
                rep.err(w, 'required entity with no surface form (name or alias) in the text')
        elif not in_text(name):
            rep.note(w, 'canonical name completed from context; text has %s' % present)

    def resolve(label, want, w, role):
        if not isinstance(label, str):
            rep.err(w, '%s must be a string: %r' % (role, label))
            return None
        i = label_owner.get(norm(label))
        if i is None:
            rep.err(w, '%s %r names no entity of the file' % (role, label))
            return None
        if not (kinds[i] & set(want)):
            rep.err(w, '%s %r is a %s, expected %s' % (role, label, sorted(kinds[i]), '/'.join(want)))
        return i

    seen_rel = set()
    parents = defaultdict(list)
    for j, r in enumerate(rels):
        w = '%s relation #%d' % (where, j + 1)
        if not isinstance(r, dict):
            rep.err(w, 'not an object')
            continue
        t = r.get('type')
        if t not in REL_KEYS:
            rep.err(w, 'type %r unknown' % (t,))
            continue
        need, may = REL_KEYS[t]
        if not need <= set(r):
            rep.err(w, 'missing keys %s' % sorted(need - set(r)))
            continue
        if set(r) - need - may:
            rep.err(w, 'unknown keys %s' % sorted(set(r) - need - may))
        if 'optional' in r and not is_true(r['optional']):
            rep.err(w, 'optional must be true when present')
        opt = is_true(r.get('optional'))
        ends = []
        if t == 'post':
            w = '%s post %s/%s' % (where, r['person'], r['organization'])
            ends.append(resolve(r['person'], ['Person'], w, 'person'))
            if r['organization'] is not None:
                ends.append(resolve(r['organization'], ['Organization'], w, 'organization'))
            roles = r['roles']
            if not isinstance(roles, list) or not all(isinstance(x, str) and x.strip() for x in roles):
                rep.err(w, 'roles must be a list of non-empty strings')
                roles = []
            if len(set(roles)) != len(roles):
                rep.err(w, 'duplicate roles')
            if r['organization'] is None and not roles:
                rep.err(w, 'a post without organisation needs a role')
            for x in roles:
                if any(c in TRAD_ONLY for c in x):
                    rep.err(w, 'role %r is not Simplified' % x)
                if not in_text(x):
                    rep.err(w, 'role %r does not occur in the text' % x)
            if 'ended' in r:
                if not is_true(r['ended']):
                    rep.err(w, 'ended must be true when present')
                elif not opt:
                    rep.err(w, 'an ended post is optional in gold (guidelines)')
            key = (t, norm(r['person']), norm(r['organization'] or ''), is_true(r.get('ended')), opt)
        elif t == 'author':
            w = '%s author %s' % (where, r['person'])
            ends.append(resolve(r['person'], ['Person'], w, 'person'))
            key = (t, norm(r['person']))
        else:
            w = '%s %s %s -> %s' % (where, t, r['subject'], r['object'])
            want = {'locatedIn': (['Organization'], ['District']),
                    'partOf': (['District'], ['District']),
                    'launchedBy': (['Initiative'], ['Organization', 'District', 'Person'])}[t]
            si = resolve(r['subject'], want[0], w, 'subject')
            oi = resolve(r['object'], want[1], w, 'object')
            ends += [si, oi]
            if si is not None and si == oi:
                rep.err(w, 'subject and object are the same entity')
            if t == 'partOf' and si is not None and oi is not None:
                parents[si].append((oi, opt))
            key = (t, norm(r['subject']), norm(r['object']))
        if key in seen_rel:
            rep.err(w, 'duplicate relation')
        seen_rel.add(key)
        if not opt:
            for i in ends:
                if i is not None and optional[i]:
                    rep.err(w, 'required relation has an optional end (%s)' % names[i])
    for i, ps in parents.items():
        req = [p for p, o in ps if not o]
        if len(req) > 1:
            rep.err('%s partOf %s' % (where, names[i]), 'more than one required direct parent')
    for start in parents:        # cycles
        seen, cur = set(), start
        while cur in parents:
            if cur in seen:
                rep.err('%s partOf %s' % (where, names[start]), 'cycle')
                break
            seen.add(cur)
            cur = parents[cur][0][0]
    return gold


def check_identity(path, golds, rep):
    where = os.path.basename(path)
    try:
        ident = json.load(open(path, encoding='utf-8'))
    except (ValueError, UnicodeDecodeError) as e:
        rep.err(where, 'not valid UTF-8 JSON: %s' % e)
        return
    if not isinstance(ident, dict) or set(ident) != {'people', 'homonym_pairs'}:
        rep.err(where, 'keys must be people and homonym_pairs')
        return
    persons = {}      # (doc stem, normalised label) -> canonical name
    expected = set()  # (doc stem, canonical name)
    posts = defaultdict(list)
    orgs = defaultdict(set)
    for stem, g in golds.items():
        for e in g['entities']:
            ks = {e.get('type')} | set(e.get('types', []))
            if 'Person' in ks:
                expected.add((stem, e['name']))
                for lab in [e['name']] + e.get('aliases', []):
                    persons[(stem, norm(lab))] = e['name']
            if 'Organization' in ks:
                for lab in [e['name']] + e.get('aliases', []):
                    orgs[stem].add(norm(lab))
        for r in g['relations']:
            if r.get('type') == 'post':
                posts[(stem, norm(r['person']))].append(r)
    ids = set()
    seen = Counter()
    by_name = defaultdict(list)
    for p in ident['people']:
        w = '%s %s' % (where, p.get('id'))
        if not {'id', 'name', 'mentions'} <= set(p) or set(p) - {'id', 'name', 'note', 'mentions'}:
            rep.err(w, 'person keys must be id, name, mentions (+ note)')
            continue
        if p['id'] in ids:
            rep.err(w, 'duplicate id')
        ids.add(p['id'])
        by_name[norm(p['name'])].append(p['id'])
        if not p['mentions']:
            rep.err(w, 'cluster without mentions')
        for m in p['mentions']:
            if set(m) != {'doc', 'name', 'roles', 'organization', 'date'}:
                rep.err(w, 'mention keys must be doc, name, roles, organization, date: %s' % sorted(m))
                continue
            if m['doc'] not in golds:
                rep.err(w, 'mention doc %r is no gold file' % m['doc'])
                continue
            canon = persons.get((m['doc'], norm(m['name'])))
            if canon is None:
                rep.err(w, 'mention %s:%s is no Person of that gold file' % (m['doc'], m['name']))
                continue
            seen[(m['doc'], canon)] += 1
            if m['date'] is not None and not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', m['date']):
                rep.err(w, 'date %r is not YYYY[-MM[-DD]]' % m['date'])
            if not isinstance(m['roles'], list):
                rep.err(w, 'roles must be a list')
                continue
            if m['organization'] is not None and norm(m['organization']) not in orgs[m['doc']]:
                rep.err(w, 'mention organization %r is no Organization of %s' % (m['organization'], m['doc']))
            if m['roles'] or m['organization']:
                ok = any(norm(r['organization'] or '') == norm(m['organization'] or '')
                         and set(m['roles']) <= set(r['roles'])
                         for r in posts[(m['doc'], norm(m['name']))])
                if not ok:
                    rep.err(w, 'mention %s:%s roles/organization match no post of that file'
                            % (m['doc'], m['name']))
        if p['mentions'] and len({persons.get((m.get('doc'), norm(m.get('name', '')))) for m in p['mentions']} - {None}) > 1:
            rep.note(w, 'cluster merges mentions written differently')
    for k in expected:
        if seen[k] != 1:
            rep.err(where, 'Person %s of %s is in %d mentions (expected exactly 1)' % (k[1], k[0], seen[k]))
    for k in seen:
        if k not in expected:
            rep.err(where, 'mention %s of %s unexpected' % (k[1], k[0]))
    pairs = set()
    for pr in ident['homonym_pairs']:
        if not isinstance(pr, list) or len(pr) != 2 or pr[0] == pr[1] or not set(pr) <= ids:
            rep.err(where, 'homonym pair %r must name two different cluster ids' % (pr,))
            continue
        pairs.add(frozenset(pr))
    names = {p['id']: norm(p['name']) for p in ident['people'] if 'id' in p}
    for pr in pairs:
        a, b = sorted(pr)
        if names.get(a) != names.get(b):
            rep.err(where, 'homonym pair %s/%s have different names' % (a, b))
    for nm, cl in by_name.items():
        for a, b in itertools.combinations(cl, 2):
            if frozenset((a, b)) not in pairs:
                rep.err(where, 'clusters %s and %s share the name %s but are not a homonym pair' % (a, b, nm))


def stats(golds):
    ent = Counter()
    rel = Counter()
    for g in golds.values():
        for e in g['entities']:
            k = e.get('type') or '+'.join(e.get('types', []))
            ent[(k, 'optional' if e.get('optional') else 'required')] += 1
        for r in g['relations']:
            rel[(r['type'], 'optional' if r.get('optional') else 'required')] += 1
    print('entities:')
    for k in sorted({k for k, _ in ent}):
        print('  %-24s required %4d  optional %4d' % (k, ent[(k, 'required')], ent[(k, 'optional')]))
    print('  %-24s required %4d  optional %4d' % ('TOTAL', sum(v for (k, o), v in ent.items() if o == 'required'),
                                                  sum(v for (k, o), v in ent.items() if o == 'optional')))
    print('relations:')
    for k in sorted({k for k, _ in rel}):
        print('  %-24s required %4d  optional %4d' % (k, rel[(k, 'required')], rel[(k, 'optional')]))
    print('  %-24s required %4d  optional %4d' % ('TOTAL', sum(v for (k, o), v in rel.items() if o == 'required'),
                                                  sum(v for (k, o), v in rel.items() if o == 'optional')))


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    folder = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    rep = Report(quiet='--quiet' in argv)
    files = sorted(os.listdir(folder))
    texts = [f for f in files if f.endswith('.txt')]
    golds_f = [f for f in files if f.endswith('.gold.json')]
    for f in texts:
        if f[:-4] + '.gold.json' not in golds_f:
            rep.err(f, 'no gold file')
    golds = {}
    for f in golds_f:
        stem = f[:-len('.gold.json')]
        tpath = os.path.join(folder, stem + '.txt')
        if not os.path.exists(tpath):
            rep.err(f, 'no text file %s.txt' % stem)
            text = None
        else:
            text = check_text(tpath, rep)
        g = check_gold(os.path.join(folder, f), text, rep)
        if g is not None:
            golds[stem] = g
    ipath = os.path.join(folder, 'identity.json')
    if os.path.exists(ipath):
        check_identity(ipath, golds, rep)
    for e in rep.errors:
        print('ERROR', e)
    if not rep.quiet:
        for n in rep.notes:
            print('note ', n)
    if '--stats' in argv:
        stats(golds)
    print('check_gold: %d files, %d errors, %d notes' % (len(golds_f), len(rep.errors), len(rep.notes)))
    return 1 if rep.errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
