package model

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// Bounds on a quoted name taken outside the catalog, in words.
const (
	minQuotedWords = 2
	maxQuotedWords = 16
)

// triggers are the words that introduce a name in quotes: phong trào
// “Mỗi tuần một việc tốt”, cuộc vận động “…”, mô hình “Ngày thứ bảy tình
// nguyện”. Names after "mô hình" and "chương trình" are taken only in an
// article that presents a model (exampleOnly): measured on the corpus,
// they quote business models, software and television shows elsewhere.
// "danh hiệu" and "chiến dịch" are left out: they quote awards ("Vua phá
// lưới", "Nghệ sĩ nhân dân") and military operations more often than
// movements.
var triggers = func() *words.Dict[bool] {
	d := words.NewDictOf[bool](words.Loose)
	for p, exampleOnly := range map[string]bool{
		"phong trào": false, "phong trào thi đua": false, "cuộc vận động": false,
		"mô hình": true, "chương trình": true,
	} {
		d.Add(p, exampleOnly)
	}
	return d
}()

// maxTriggerGap is how many words may stand between a trigger and the
// quote it introduces: mô hình điểm “…”, chương trình hành động “…”.
const maxTriggerGap = 2

// quoted is a name found in quotes after a trigger.
type quoted struct {
	name        string
	exampleOnly bool
}

// quotedNames returns the names t quotes right after a trigger, as
// display values (catalog names come back canonical). A quote holding a
// catalog phrase found in the text (covered) is left to the catalog:
// “Tuyên Quang chung sức xây dựng nông thôn mới” is "Xây dựng nông thôn
// mới".
func quotedNames(t *words.Text, covered []bool) []quoted {
	var names []quoted
	for _, h := range triggers.Scan(t) {
		start := h.At + h.N
		for k := 0; k < maxTriggerGap && start < len(t.W) && !opensQuote(t.RawGap(start-1)) && t.RawGap(start-1) == " "; k++ {
			start++
		}
		for start < len(t.W) && opensQuote(t.RawGap(start-1)) {
			end, ok := closingQuote(t, start)
			if !ok {
				break
			}
			if name, ok := quotedName(t, covered, start, end); ok {
				names = append(names, quoted{name: name, exampleOnly: h.Value})
			}
			start = nextInList(t, end)
		}
	}
	return names
}

// quotedName returns the name quoted at words start..end-1 when it is one:
// two words or more, none found in the catalog on its own, a catalog name
// or a name starting with a capital.
func quotedName(t *words.Text, covered []bool, start, end int) (string, bool) {
	if end-start < minQuotedWords || slices.Contains(covered[start:end], true) {
		return "", false
	}
	name := t.S[t.W[start].Start:t.W[end-1].End]
	if !utf8.ValidString(name) {
		return "", false
	}
	if c := catalog.byKey[words.Joined(t.W, start, end)]; c != "" {
		return display(c), true
	}
	return display(name), t.W[start].Cap
}

// nextInList returns the first word of the next quote of a list after a
// quote closing before word end — “Tổ tàu an toàn”, “Camera an ninh” và
// “…” — or len(t.W) when the list ends.
func nextInList(t *words.Text, end int) int {
	if end >= len(t.W) {
		return len(t.W)
	}
	gap := t.RawGap(end - 1)
	if strings.Contains(gap, ",") && opensQuote(gap) {
		return end
	}
	if t.W[end].Fold == "va" && opensQuote(t.RawGap(end)) {
		return end + 1
	}
	return len(t.W)
}

// opensQuote reports whether a gap ends with an opening quote mark right
// before the next word.
func opensQuote(gap string) bool {
	gap = strings.TrimRight(gap, " ")
	return strings.HasSuffix(gap, "“") || strings.HasSuffix(gap, `"`) || strings.HasSuffix(gap, "«")
}

// closingQuote returns the word after the last one inside a quote opened
// before word start, when it closes within maxQuotedWords on one line.
func closingQuote(t *words.Text, start int) (end int, ok bool) {
	for j := start; j < len(t.W) && j-start < maxQuotedWords; j++ {
		g := t.RawGap(j)
		if strings.ContainsAny(g, "”\"»") {
			return j + 1, strings.IndexAny(strings.TrimLeft(g, ".,!?…"), "”\"»") == 0
		}
		if strings.ContainsAny(g, "\n“") {
			return 0, false
		}
	}
	return 0, false
}
