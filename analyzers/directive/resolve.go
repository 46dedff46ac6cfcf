package directive

import (
	"fmt"
	"strconv"
	"time"
)

// evidence is what the words after a mention say about which document it
// is.
type evidence struct {
	date string // an issue date written right after it: "2022-03-16"
	year int    // a year written right after it: "năm 2022", "(2022)"
	term int    // a term named after it: "khóa XI"
}

// resolve turns a symbol mentioned at words i..j-1 into canonical ids.
// Numbers restart every term, so a symbol names a document only with its
// time: a date, year or term written next to the mention decides, in the
// catalog or not; then the subject around it against the catalog titles;
// then the article's date, when exactly one catalog document with the
// symbol had been issued by then. Otherwise the id stays without a year.
func (s *scanner) resolve(sym symbol, i, j int) []string {
	key, docs := catalogSymbol(sym)
	ev := s.evidenceAfter(j)
	if d, ok := chooseByTime(docs, ev); ok {
		return []string{d.ID}
	}
	if y := ev.writtenYear(); y != "" && !anyFits(docs, ev) {
		return []string{key + "@" + y} // a document the catalog lacks
	}
	if s.query {
		return symbolAllIDs(key)
	}
	docs = issuedBy(docs, s.published)
	if len(docs) == 1 {
		return []string{docs[0].ID}
	}
	if d, ok := s.bySubject(docs, i, j); ok {
		return []string{d.ID}
	}
	return []string{key}
}

// catalogSymbol returns the symbol's key and catalog documents. The press
// writes "07-QĐ/TW" for the catalog's "07-QĐi/TW" and the other way
// round: when only the other spelling is in the catalog, it is the one.
func catalogSymbol(sym symbol) (string, []Doc) {
	key := sym.String()
	if docs := cat.bySymbol[key]; len(docs) > 0 || sym.Code != "QĐ" && sym.Code != "QĐi" {
		return key, docs
	}
	other := sym
	other.Code = map[string]string{"QĐ": "QĐi", "QĐi": "QĐ"}[sym.Code]
	if docs := cat.bySymbol[other.String()]; len(docs) > 0 {
		return other.String(), docs
	}
	return key, nil
}

// writtenYear is the year of the date or the year written next to a
// mention, "" when none is.
func (ev evidence) writtenYear() string {
	switch {
	case ev.date != "":
		return ev.date[:4]
	case ev.year != 0:
		return strconv.Itoa(ev.year)
	}
	return ""
}

// anyFits reports whether a catalog document fits the time written next
// to a mention: the same year or the same term. Dates written in articles
// are sometimes wrong by days, and a number names one document a term.
func anyFits(docs []Doc, ev evidence) bool {
	y := ev.writtenYear()
	for _, d := range docs {
		if d.Date[:4] == y || termOf(d.Date) == termOf(y+"-07-01") && (ev.date == "" || termOf(d.Date) == termOf(ev.date)) {
			return true
		}
	}
	return false
}

// chooseByTime picks among documents sharing a symbol by the date, year
// or term named after the mention.
func chooseByTime(docs []Doc, ev evidence) (Doc, bool) {
	for _, keep := range []func(Doc) bool{
		func(d Doc) bool { return ev.date != "" && d.Date == ev.date },
		func(d Doc) bool { return ev.date != "" && d.Date[:4] == ev.date[:4] },
		func(d Doc) bool { return ev.date != "" && termOf(d.Date) == termOf(ev.date) },
		func(d Doc) bool { return ev.year != 0 && d.Date[:4] == strconv.Itoa(ev.year) },
		func(d Doc) bool { return ev.term != 0 && termOf(d.Date) == ev.term },
		func(d Doc) bool {
			return ev.date == "" && ev.year != 0 && termOf(d.Date) == termOf(fmt.Sprintf("%04d-07-01", ev.year))
		},
	} {
		if d, ok := only(docs, keep); ok {
			return d, true
		}
	}
	return Doc{}, false
}

// only returns the single document keep accepts.
func only(docs []Doc, keep func(Doc) bool) (Doc, bool) {
	var found []Doc
	for _, d := range docs {
		if keep(d) {
			found = append(found, d)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Doc{}, false
}

// issuedBy returns the catalog documents of docs issued by the article's
// date: a document is not cited before it exists. An undated article
// keeps them all.
func issuedBy(docs []Doc, published time.Time) []Doc {
	if published.IsZero() {
		return docs
	}
	day := published.Format(time.DateOnly)
	var out []Doc
	for _, d := range docs {
		if d.Date <= day {
			out = append(out, d)
		}
	}
	return out
}

// evidenceWords is how far after a mention a date or term is looked for.
const evidenceWords = 16

// evidenceAfter reads a date, year or term named right after the mention
// ending before word j, up to the end of the clause or the next mention.
func (s *scanner) evidenceAfter(j int) evidence {
	var ev evidence
	for k := j; k < j+evidenceWords && k < len(s.t.W); k++ {
		if k > j && (s.clauseBreak(k) || s.mentionAt(k)) {
			break
		}
		switch w := s.t.W[k]; {
		case w.Fold == "ngay" && ev.date == "":
			ev.date = s.dateAt(k + 1)
		case w.Fold == "khoa" && ev.term == 0:
			ev.term, _ = s.romanAt(k + 1)
		case w.Digits && len(w.Fold) == 4 && ev.year == 0 && k-j < 3:
			if y, _ := strconv.Atoi(w.Fold); y > 1945 && y < 2100 {
				ev.year = y
			}
		}
	}
	return ev
}

// mentionAt reports whether another document is named at word k.
func (s *scanner) mentionAt(k int) bool {
	if _, n := symbolAt(s.t, k); n > 0 {
		return true
	}
	_, n := s.kindAt(k)
	return n > 0
}

// dateAt reads "16/3/2022", "16-3-2022" or "16 tháng 3 năm 2022" at word
// k as "2022-03-16".
func (s *scanner) dateAt(k int) string {
	if k+2 >= len(s.t.W) {
		return ""
	}
	d, m, y := k, k+1, k+2
	if g := s.t.Gap(k); g != "/" && g != "-" && g != "." || s.t.Gap(k+1) != g {
		if !s.t.Is(k+1, "thang") || !s.t.Is(k+3, "nam") || k+4 >= len(s.t.W) {
			return ""
		}
		m, y = k+2, k+4
	}
	dv, err1 := strconv.Atoi(s.t.W[d].Fold)
	mv, err2 := strconv.Atoi(s.t.W[m].Fold)
	yv, err3 := strconv.Atoi(s.t.W[y].Fold)
	if err1 != nil || err2 != nil || err3 != nil || dv < 1 || dv > 31 || mv < 1 || mv > 12 || yv < 1945 || yv > 2100 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yv, mv, dv)
}
