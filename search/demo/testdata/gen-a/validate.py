#!/usr/bin/env python3
"""Validate the demo-a half of the vnsearch demo corpus.

Run from the repository root: python3 search/demo/testdata/gen-a/validate.py
Checks: every line is JSON with the required fields, ids unique and in demo-001..demo-026,
dates parse in one of the three accepted forms, bodies have 5-9 paragraphs of 350-650 words,
exactly one article is NFD (all others NFC), labels cover every id, every quote occurs in its
own article and in no other article (of either half when articles-b.jsonl exists), even with
diacritics removed, and every confusables line holds its phrase exactly in the expected article and only folded in the other.
"""
import json, os, re, sys, unicodedata
from datetime import datetime

DEMO = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
FIELDS = ['id', 'source', 'url', 'title', 'lead', 'author', 'category', 'body']
SOURCES = {'Báo Đảng Cơ sở', 'Thời báo Dân vận', 'Báo Kinh Bắc', 'Tin Nông thôn mới',
           'Cổng tin Quốc hội', 'Báo Thanh niên Xung kích'}
errors = []


def fail(msg):
    errors.append(msg)


def nfc(s):
    return unicodedata.normalize('NFC', s)


def fold(s):
    s = unicodedata.normalize('NFD', nfc(s).lower().replace('đ', 'd'))
    return ''.join(c for c in s if not unicodedata.combining(c))


def words(s):
    return ' '.join(re.findall(r'\w+', s))


def text(a):
    return nfc('\n'.join([a['title'], a['lead'], a['body']]))


def parse_date(s):
    for form in ('%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d', '%d/%m/%Y %H:%M'):
        try:
            return datetime.strptime(s.replace('Z', '+00:00'), form)
        except ValueError:
            pass
    return None


def load(name):
    path = os.path.join(DEMO, name)
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail('%s:%d: %s' % (name, n, e))
    return out


def check_articles(arts):
    ids = [a.get('id') for a in arts]
    if sorted(ids) != ['demo-%03d' % i for i in range(1, 27)]:
        fail('ids are not exactly demo-001..demo-026: %s' % ids)
    nfd = [a['id'] for a in arts if a['body'] != nfc(a['body'])]
    if len(nfd) != 1:
        fail('want exactly one NFD article, got %s' % nfd)
    for a in arts:
        for k in FIELDS:
            if not a.get(k):
                fail('%s: missing %s' % (a.get('id'), k))
        if nfc(a['source']) not in SOURCES:
            fail('%s: unknown source %r' % (a['id'], a['source']))
        if a['id'] in nfd and unicodedata.normalize('NFD', a['body']) != a['body']:
            fail('%s: body mixes NFC and NFD' % a['id'])
        if 'published' in a and parse_date(a['published']) is None:
            fail('%s: bad date %r' % (a['id'], a['published']))
        paras = a['body'].split('\n\n')
        words = len(a['body'].split())
        if not 5 <= len(paras) <= 9 or not 350 <= words <= 650:
            fail('%s: %d paragraphs, %d words' % (a['id'], len(paras), words))
    if sum('published' not in a for a in arts) != 1:
        fail('want exactly one article without published')
    years = {}
    for a in arts:
        d = parse_date(a.get('published', ''))
        if d:
            years[d.year] = years.get(d.year, 0) + 1
    for y in range(2016, 2026):
        if years.get(y, 0) < 2:
            fail('year %d has %d articles' % (y, years.get(y, 0)))


def check_quotes(arts, others):
    texts = {a['id']: text(a) for a in arts + others}
    folded_texts = {i: words(fold(t)) for i, t in texts.items()}
    n = 0
    with open(os.path.join(DEMO, 'testdata/quotes-a.tsv'), encoding='utf-8') as f:
        for line in f:
            aid, q = line.rstrip('\n').split('\t')
            n += 1
            if not 6 <= len(q.split()) <= 14:
                fail('quote %s %r: %d words' % (aid, q, len(q.split())))
            holders = [i for i, t in texts.items() if nfc(q) in t]
            if holders != [aid]:
                fail('quote %s %r found in %s' % (aid, q, holders))
            folded = [i for i, t in folded_texts.items() if words(fold(q)) in t]
            if folded != [aid]:
                fail('quote %s %r without diacritics found in %s' % (aid, q, folded))
    if n < 22:
        fail('only %d quotes' % n)


def check_confusables(arts):
    texts = {a['id']: text(a) for a in arts}
    with open(os.path.join(DEMO, 'testdata/confusables-a.tsv'), encoding='utf-8') as f:
        for line in f:
            q, want, other = line.rstrip('\n').split('\t')
            pat = re.compile(r'(?<!\w)%s(?!\w)' % re.escape(q.lower()))
            fpat = re.compile(r'(?<!\w)%s(?!\w)' % re.escape(fold(q)))
            if not pat.search(texts[want].lower()):
                fail('confusable %r: %s lacks it' % (q, want))
            if pat.search(texts[other].lower()) or not fpat.search(fold(texts[other])):
                fail('confusable %r: %s should hold only the folded look-alike' % (q, other))


def main():
    arts = load('articles-a.jsonl')
    check_articles(arts)
    labels = load('testdata/labels-a.jsonl')
    if [l['id'] for l in labels] != [a['id'] for a in arts]:
        fail('labels ids differ from article ids')
    check_quotes(arts, load('articles-b.jsonl'))
    check_confusables(arts)
    for e in errors:
        print(e)
    print('%d articles, %d errors' % (len(arts), len(errors)))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
