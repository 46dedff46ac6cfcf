#!/usr/bin/env python3
"""Validate the b half of the demo corpus (demo-027 … demo-052).

Usage: python3 search/demo/testdata/gen-b/check.py [--partial]

Checks articles-b.jsonl, labels-b.jsonl, quotes-b.tsv and confusables-b.tsv: JSON and fields, id range and
uniqueness, dates and their formats, paragraph and word counts, exactly one NFD article, consistent tone
placement per article, quotes present in their article only (the a half included when present), and
confusable pairs that fold to the same letters, and label values in canonical form (NFC, new tone placement,
directive and document symbols). Exits 1 when anything fails.

demo-044 is the one article stored in decomposed Unicode (NFD). To edit it, normalise its text fields to NFC,
edit, then write them back with unicodedata.normalize("NFD", …); this script checks it stays wholly NFD.
"""
import json, os, re, sys, unicodedata
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.normpath(os.path.join(HERE, "..", ".."))
SOURCES = {"Báo Đảng Cơ sở", "Thời báo Dân vận", "Báo Kinh Bắc", "Tin Nông thôn mới",
           "Cổng tin Quốc hội", "Báo Thanh niên Xung kích"}
IDS = ["demo-%03d" % n for n in range(27, 53)]
OLD = re.compile(r"(?<!q)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?![\wÀ-ỹ])", re.I)
NEW = re.compile(r"(?<!q)(?:[òóỏõọ][ae]|[ùúủũụ]y)(?![\wÀ-ỹ])", re.I)
DIRECTIVE = re.compile(r"\d+-(?:CT|KL|NQ|QĐi|QĐ)/TW(?:@\d{4})?")
DOCUMENT = re.compile(r"\d+/(?:\d{4}/)?(?:QH\d+|NĐ-CP|QĐ-TTg|TT-[A-ZĐ]+)")
errors = []


def nfc(s):
    return unicodedata.normalize("NFC", s)


def fold(s):
    s = unicodedata.normalize("NFD", nfc(s).lower().replace("đ", "d"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def date_form(v):
    for form, layout in (("rfc3339", "%Y-%m-%dT%H:%M:%S%z"), ("date", "%Y-%m-%d"), ("dmy", "%d/%m/%Y %H:%M")):
        try:
            return form, datetime.strptime(v, layout)
        except ValueError:
            pass
    errors.append("unparseable date %r" % v)
    return None, None


def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        errors.append("%s: BOM" % path)
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append("%s:%d: %s" % (path, n, e))
    return out


def text_of(a):
    return "\n".join(nfc(a.get(k, "")) for k in ("title", "lead", "body"))


def check_articles(arts, partial):
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    if not partial and sorted(ids) != IDS:
        errors.append("ids are not exactly demo-027 … demo-052")
    forms, years, nfd = {}, {}, []
    for a in arts:
        i = a.get("id")
        if i not in IDS:
            errors.append("%s: id out of range" % i)
        for k in ("source", "url", "title", "lead", "author", "category", "body"):
            if not a.get(k):
                errors.append("%s: missing %s" % (i, k))
        if nfc(a["source"]) not in SOURCES:
            errors.append("%s: unknown source %r" % (i, a["source"]))
        if not re.fullmatch(r"https://demo\.vnsearch\.vn/[a-z0-9-]+/[a-z0-9-]+-\d+\.html", a["url"]):
            errors.append("%s: bad url %s" % (i, a["url"]))
        form = "none"
        if "published" in a:
            form, t = date_form(a["published"])
            if t:
                years[t.year] = years.get(t.year, 0) + 1
        forms[form] = forms.get(form, 0) + 1
        paras = a["body"].split("\n\n")
        words = len(a["body"].split())
        if not 5 <= len(paras) <= 9 or not 350 <= words <= 650:
            errors.append("%s: %d paragraphs, %d words" % (i, len(paras), words))
        whole = "".join(a.get(k, "") for k in ("title", "lead", "body"))
        if whole != nfc(whole):
            nfd.append(i)
            if whole != unicodedata.normalize("NFD", whole):
                errors.append("%s: mixes NFC and NFD" % i)
        t = text_of(a)
        if OLD.search(t) and NEW.search(t):
            errors.append("%s: mixes tone styles: %s / %s" % (i, OLD.search(t).group(), NEW.search(t).group()))
    if not partial:
        if len(nfd) != 1:
            errors.append("want exactly one NFD article, got %s" % nfd)
        if forms.get("none") != 1 or forms.get("date") != 2 or forms.get("dmy") != 2:
            errors.append("date forms %s" % forms)
        for y in range(2016, 2026):
            if years.get(y, 0) < 2:
                errors.append("year %d has %d articles" % (y, years.get(y, 0)))
    old = [a["id"] for a in arts if OLD.search(text_of(a))]
    print("%d articles, old tone style: %d %s, NFD: %s, years: %s, date forms: %s"
          % (len(arts), len(old), old, nfd, dict(sorted(years.items())), forms))


def check_labels(arts, labels):
    want = [a["id"] for a in arts]
    if [l.get("id") for l in labels] != want:
        errors.append("labels ids differ from articles ids")
    for l in labels:
        for k in ("units", "directives", "documents", "models"):
            if not isinstance(l.get(k), list):
                errors.append("%s: labels %s not a list" % (l.get("id"), k))
        if not isinstance(l.get("example"), bool):
            errors.append("%s: labels example not a bool" % l.get("id"))
        for k in ("units", "directives", "documents", "models"):
            for v in l.get(k) or []:
                if v != nfc(v) or OLD.search(v) or v != v.strip():
                    errors.append("%s: label %s %r not canonical (NFC, new tone placement)" % (l.get("id"), k, v))
        for v in l.get("directives") or []:
            if not DIRECTIVE.fullmatch(v):
                errors.append("%s: directive id %r" % (l.get("id"), v))
        for v in l.get("documents") or []:
            if not DOCUMENT.fullmatch(v):
                errors.append("%s: document number %r" % (l.get("id"), v))
    ex = sum(1 for l in labels if l.get("example"))
    print("labels: %d, example=true: %d" % (len(labels), ex))


def check_quotes(arts, others):
    texts = {a["id"]: text_of(a) for a in arts}
    everything = dict(texts)
    everything.update({a["id"]: text_of(a) for a in others})
    n = 0
    with open(os.path.join(DEMO, "testdata", "quotes-b.tsv"), encoding="utf-8") as f:
        for line in f:
            i, q = line.rstrip("\n").split("\t")
            q = nfc(q)
            n += 1
            if not 6 <= len(q.split()) <= 14:
                errors.append("%s: quote has %d words: %s" % (i, len(q.split()), q))
            if q not in texts.get(i, ""):
                errors.append("%s: quote not in article: %s" % (i, q))
            elsewhere = [j for j, t in everything.items() if j != i and q in t]
            if elsewhere:
                errors.append("%s: quote also in %s: %s" % (i, elsewhere, q))
    print("quotes: %d" % n)


def check_confusables(arts):
    texts = {a["id"]: text_of(a) for a in arts}
    n = 0
    with open(os.path.join(DEMO, "testdata", "confusables-b.tsv"), encoding="utf-8") as f:
        for line in f:
            q, want, other = line.rstrip("\n").split("\t")
            n += 1
            low = lambda s: nfc(s).lower()
            holders = [i for i, t in texts.items() if low(q) in low(t)]
            if holders != [want]:
                errors.append("%s: exact phrase held by %s, want only %s" % (q, holders, want))
            if fold(q) not in fold(texts[other]) or low(q) in low(texts[other]):
                errors.append("%s: %s does not hold only the look-alike" % (q, other))
    print("confusables: %d" % n)


def main():
    partial = "--partial" in sys.argv
    arts = load_jsonl(os.path.join(DEMO, "articles-b.jsonl"))
    labels = load_jsonl(os.path.join(DEMO, "testdata", "labels-b.jsonl"))
    a_half = os.path.join(DEMO, "articles-a.jsonl")
    others = load_jsonl(a_half) if os.path.exists(a_half) else []
    check_articles(arts, partial)
    check_labels(arts, labels)
    check_quotes(arts, others)
    if os.path.exists(os.path.join(DEMO, "testdata", "confusables-b.tsv")):
        check_confusables(arts)
    for e in errors:
        print("ERROR:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
