package directive

import (
	"slices"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// kind is a document kind as written before a number or a plenum.
type kind struct {
	code   string // "CT", "NQ", "KL", "QĐ", "HD", "TB"
	abbrev bool   // written as an abbreviation: "CT 05", "NQ TW4"
	word   bool   // an ordinary word that needs a capital to count when bare
}

// kindWords are the kinds written in full.
var kindWords = words.NewDict(map[string]kind{
	"Chỉ thị":    {code: "CT"},
	"Nghị quyết": {code: "NQ"},
	"Kết luận":   {code: "KL"},
	"Quy định":   {code: "QĐ", word: true},
	"Hướng dẫn":  {code: "HD", word: true},
	"Thông báo":  {code: "TB", word: true},
})

// kindAbbrevs are the kinds written as abbreviations: upper case in a
// text, any case in a query.
var kindAbbrevs = map[string]kind{
	"ct": {code: "CT", abbrev: true}, "nq": {code: "NQ", abbrev: true},
	"kl": {code: "KL", abbrev: true}, "qd": {code: "QĐ", abbrev: true},
	"qdi": {code: "QĐi", abbrev: true},
}

// kindAt returns the kind written at word i and how many words it takes.
func (s *scanner) kindAt(i int) (kind, int) {
	if k, n := kindWords.Match(s.t, i); n > 0 {
		return k, n
	}
	w := s.t.W[i]
	if !w.Upper && !s.query {
		return kind{}, 0
	}
	if k, ok := kindAbbrevs[w.Fold]; ok {
		return k, 1
	}
	if glued(w.Fold, "nqtw") > 0 {
		return kind{code: "NQ", abbrev: true}, 1
	}
	if glued(w.Fold, "kltw") > 0 {
		return kind{code: "KL", abbrev: true}, 1
	}
	return kind{}, 0
}

// afterKind reads what follows a kind at words i..i+n-1: a plenum or a
// list of numbers. It returns the index after the mention, or i when
// there is none.
func (s *scanner) afterKind(i int, k kind, n int) int {
	j := i + n
	if end := s.plenum(i, j, k); end > j {
		return end
	}
	if s.t.Is(j, "so") && s.t.Gap(j-1) == "" {
		j++
	}
	if j >= len(s.t.W) || !s.t.W[j].Digits || s.t.Gap(j-1) != "" {
		return i // "Thủ tướng chỉ thị: 1. …" is a verb and a list
	}
	items, last := s.numberList(j)
	if sym, m := symbolAt(s.t, last); m > 0 {
		for _, it := range items[:len(items)-1] {
			num, ok := canonNumber(s.t.W[it].Fold)
			if !ok {
				continue
			}
			sym := symbol{Number: num, Code: sym.Code, Issuer: sym.Issuer}
			s.emit(i, it+1, s.resolve(sym, i, it+1))
		}
		s.emit(i, last+m, s.resolve(sym, i, last+m))
		return last + m
	}
	if g := s.t.Gap(last); g == "-" || g == "/" || s.glued(last) {
		return i // "Chỉ thị 16/CT-TTg", "Nghị quyết 05.2020": not a party number
	}
	s.bare(i, k, items)
	return last + 1
}

// glued reports whether word k runs on into a number through one
// character: "05.2020", "3,5".
func (s *scanner) glued(k int) bool {
	if k+1 >= len(s.t.W) {
		return false
	}
	next := s.t.W[k+1]
	return next.Digits && next.Start == s.t.W[k].End+1
}

// numberList reads "18", "18, 19", "18 và 19" from word j. items are the
// word indexes of the numbers; last is the final one. Numbers after the
// first need two digits or a symbol, so "Kết luận 01, 2 năm qua" is one
// number.
func (s *scanner) numberList(j int) (items []int, last int) {
	items, last = []int{j}, j
	for {
		next := last + 1
		if g := s.t.Gap(last); g == "" && s.t.Is(next, "va") && s.t.Gap(next) == "" {
			next++
		} else if g != "," && g != ";" {
			return items, last
		}
		if next >= len(s.t.W) || !s.t.W[next].Digits {
			return items, last
		}
		if _, m := symbolAt(s.t, next); m == 0 && len(s.t.W[next].Fold) < 2 {
			return items, last
		}
		if _, ok := canonNumber(s.t.W[next].Fold); !ok {
			return items, last
		}
		items = append(items, next)
		last = next
	}
}

// bare resolves kind + numbers written without their symbol.
func (s *scanner) bare(i int, k kind, items []int) {
	issuer := s.issuerAfter(items[len(items)-1] + 1)
	if issuer == issuerLocal {
		return
	}
	if k.word && !s.query && issuer != issuerCentral && !s.t.W[i].Cap {
		return // "theo quy định 3 tháng", "thông báo 2 lần"
	}
	for _, it := range items {
		num, ok := canonNumber(s.t.W[it].Fold)
		if !ok {
			continue
		}
		s.emit(i, it+1, s.bareIDs(k.code, num, issuer == issuerCentral, i, it+1))
	}
}

// bareIDs returns the ids a bare kind + number means, none when it may be
// a provincial or state document.
func (s *scanner) bareIDs(code, num string, central bool, i, j int) []string {
	key := bareKey(code, num)
	if sym, ok := s.full[key]; ok {
		return s.resolve(sym, i, j)
	}
	if s.state[key] && !central {
		return nil
	}
	var syms []symbol
	inCatalog := false
	for _, c := range codeVariants(code) {
		sym := symbol{Number: num, Code: c, Issuer: "TW"}
		if len(cat.bySymbol[sym.String()]) == 0 {
			continue
		}
		inCatalog = true
		if s.query || s.plausible(sym, j, central) {
			syms = append(syms, sym)
		}
	}
	if len(syms) == 0 && (s.query || central && !inCatalog) {
		syms = []symbol{{Number: num, Code: code, Issuer: "TW"}}
	}
	var ids []string
	for _, sym := range syms {
		ids = append(ids, s.resolveBare(sym, i, j)...)
	}
	return ids
}

// resolveBare is resolve, but a bare number cannot name a catalog document
// issued after the article or in another term than the one named after
// it ("Nghị quyết 04 của Ban Chấp hành Trung ương khóa VII").
func (s *scanner) resolveBare(sym symbol, i, j int) []string {
	docs := cat.bySymbol[sym.String()]
	if ev := s.evidenceAfter(j); len(docs) > 0 && ev.date == "" && ev.term != 0 &&
		!slices.ContainsFunc(docs, func(d Doc) bool { return termOf(d.Date) == ev.term }) {
		return nil
	}
	if len(docs) == 0 || s.published.IsZero() {
		return s.resolve(sym, i, j)
	}
	day := s.published.Format("2006-01-02")
	for _, d := range docs {
		if d.Date <= day {
			return s.resolve(sym, i, j)
		}
	}
	return nil
}

func codeVariants(code string) []string {
	if code == "QĐ" || code == "QĐi" {
		return []string{"QĐ", "QĐi"}
	}
	return []string{code}
}

// Issuer context after a bare number.
const (
	issuerNone = iota
	issuerCentral
	issuerLocal
)

// issuerPhrases are the issuers named after "của": central party bodies
// make a bare number a central document, provincial and state bodies that
// issue documents make it not one. A place or an organisation ("Chỉ thị 05
// của Đảng bộ huyện", "của tỉnh") owns the plan that implements a central
// document more often than it issues one, so it says nothing.
var issuerPhrases = words.NewDict(map[string]int{
	"Bộ Chính trị": issuerCentral, "Ban Bí thư": issuerCentral, "Trung ương": issuerCentral,
	"Ban Chấp hành Trung ương": issuerCentral, "BCH Trung ương": issuerCentral, "BCH TW": issuerCentral,
	"TW": issuerCentral, "Trung ương Đảng": issuerCentral, "Trung ương Đoàn": issuerLocal, "Trung ương Hội": issuerLocal,
	"Tỉnh ủy": issuerLocal, "Thành ủy": issuerLocal, "Huyện ủy": issuerLocal, "Thị ủy": issuerLocal,
	"Quận ủy": issuerLocal, "Đảng ủy": issuerLocal, "Chi bộ": issuerLocal,
	"Ban Thường vụ": issuerLocal, "BTV": issuerLocal, "Ban Chấp hành Đảng bộ": issuerLocal,
	"HĐND": issuerLocal, "Hội đồng nhân dân": issuerLocal, "UBND": issuerLocal, "Ủy ban nhân dân": issuerLocal,
	"Chính phủ": issuerLocal, "Thủ tướng": issuerLocal, "Quốc hội": issuerLocal, "Bộ": issuerLocal,
	"Ủy ban Thường vụ Quốc hội": issuerLocal, "Sở": issuerLocal,
})

// issuerAfter looks for "của <issuer>" within the few words after a bare
// number, before the sentence ends.
func (s *scanner) issuerAfter(j int) int {
	for k := j; k < j+12 && k < len(s.t.W); k++ {
		if k > j && s.clauseBreak(k) {
			return issuerNone
		}
		if s.t.W[k].Fold == "cua" {
			v, _ := issuerPhrases.Match(s.t, k+1)
			return v
		}
		if _, n := s.kindAt(k); n > 0 {
			return issuerNone
		}
	}
	return issuerNone
}

// clauseBreak reports whether a sentence or clause ends between word k-1
// and word k. A dot glued between words ("T.Ư", "TP.HCM", "15.1.2011")
// does not end one.
func (s *scanner) clauseBreak(k int) bool {
	if k <= 0 || k >= len(s.t.W) {
		return true
	}
	raw := s.t.S[s.t.W[k-1].End:s.t.W[k].Start]
	return raw != "." && strings.ContainsAny(raw, ".;!?\n:")
}
