package model

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Bounds on a quoted name taken outside the catalog, in words.
const (
	minQuotedWords = 2
	maxQuotedWords = 16
)

// triggers are the words that introduce a movement's name in quotes:
// phong trào “Mỗi tuần một việc tốt”, cuộc vận động “…”. Measured on the
// corpus, "mô hình", "danh hiệu" and "chiến dịch" are left out: they quote
// clubs, awards ("Vua phá lưới", "Nghệ sĩ nhân dân") and military
// operations more often than movements.
var triggers = func() *dict[bool] {
	d := newDict[bool]()
	for _, p := range []string{"phong trào", "phong trào thi đua", "cuộc vận động"} {
		d.add(p, true)
	}
	return d
}()

// quotedNames returns the names t quotes right after a trigger, as
// display values (catalog names come back canonical). A quote holding a
// catalog phrase found in the text (covered) is left to the catalog:
// “Tuyên Quang chung sức xây dựng nông thôn mới” is "Xây dựng nông thôn
// mới".
func quotedNames(t *text, covered []bool) []string {
	var names []string
	for _, h := range triggers.scan(t) {
		start := h.at + h.n
		if start >= len(t.w) || !opensQuote(t.gap(start-1)) {
			continue
		}
		end, ok := closingQuote(t, start)
		if !ok || end-start < minQuotedWords {
			continue
		}
		if slices.Contains(covered[start:end], true) {
			continue
		}
		name := t.s[t.w[start].Start:t.w[end-1].End]
		if !utf8.ValidString(name) {
			continue
		}
		if c := catalog.byKey[t.key(start, end)]; c != "" {
			name = c
		} else if !t.w[start].Cap {
			continue
		}
		names = append(names, display(name))
	}
	return names
}

// opensQuote reports whether a gap ends with an opening quote mark right
// before the next word.
func opensQuote(gap string) bool {
	gap = strings.TrimRight(gap, " ")
	return strings.HasSuffix(gap, "“") || strings.HasSuffix(gap, `"`) || strings.HasSuffix(gap, "«")
}

// closingQuote returns the word after the last one inside a quote opened
// before word start, when it closes within maxQuotedWords on one line.
func closingQuote(t *text, start int) (end int, ok bool) {
	for j := start; j < len(t.w) && j-start < maxQuotedWords; j++ {
		g := t.gap(j)
		if strings.ContainsAny(g, "”\"»") {
			return j + 1, strings.IndexAny(strings.TrimLeft(g, ".,!?…"), "”\"»") == 0
		}
		if strings.ContainsAny(g, "\n“") {
			return 0, false
		}
	}
	return 0, false
}
