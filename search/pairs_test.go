package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
)

// TestPairFilter asserts the pairs indexed for a text: adjacent syllables,
// the same for NFD and the other tone placement, both forms of a document
// number paired with the next position.
func TestPairFilter(t *testing.T) {
	for _, c := range []struct {
		text   string
		folded bool
		want   string
	}{
		{"Xây dựng nông thôn mới", false, "xây dựng|dựng nông|nông thôn|thôn mới"},
		{norm.NFD.String("Xây dựng nông thôn mới"), false, "xây dựng|dựng nông|nông thôn|thôn mới"},
		{"hoà giải", false, "hòa giải"},
		{"Đảng uỷ", true, "dang uy"},
		{"Ngoài ra, UBKT", true, "ngoai ra|ra ubkt"},
		{"theo 05-CT/TW của", true, "theo 05|theo 05-ct/tw|05 ct|05-ct/tw ct|ct tw|tw cua"},
		{"một", false, ""},
	} {
		a := pairAnalyzer
		if c.folded {
			a = foldedPairAnalyzer
		}
		var got []string
		for _, tok := range a.Analyze([]byte(c.text)) {
			got = append(got, string(tok.Term))
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: pairs %q, want %q", c.text, strings.Join(got, "|"), c.want)
		}
	}
}

// TestPairRepeatsBounded asserts that a pair repeated thousands of times in
// one text is indexed at most maxPairRepeats times.
func TestPairRepeatsBounded(t *testing.T) {
	text := strings.Repeat("nhân dân ", 5000)
	n := 0
	for _, tok := range foldedPairAnalyzer.Analyze([]byte(text)) {
		if string(tok.Term) == "nhan dan" {
			n++
		}
	}
	if n != maxPairRepeats {
		t.Errorf("%d pairs indexed, want %d", n, maxPairRepeats)
	}
}

// TestPhrasesMatchByPairs asserts that a quoted phrase finds the texts
// holding it, however typed, and not a text holding each of its pairs
// apart.
func TestPhrasesMatchByPairs(t *testing.T) {
	ix := newTestIndex(t,
		Article{ID: "holder", Title: "Học tiếng K'Ho", Body: "Mỗi cán bộ xã học ít nhất 300 câu giao tiếp."},
		Article{ID: "pairs", Title: "Cán bộ", Body: "Mỗi cán bộ, công chức xã học ít nhất 300 câu. Cán bộ xã học tập."},
		Article{ID: "number", Title: "Văn bản", Body: "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị."},
	)
	phrase := "mỗi cán bộ xã học"
	for _, c := range []struct{ q, want string }{
		{phrase, "holder"},
		{analyzers.Fold(phrase), "holder"},
		{norm.NFD.String(phrase), "holder"},
		{"chỉ thị 05-CT/TW", "number"},
		{"05-CT/TW của", "number"},
		{"chi thi 05", "number"},
	} {
		res, err := ix.Search(context.Background(), Request{Query: fmt.Sprintf("%q", c.q)})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ids(res), " "); got != c.want {
			t.Errorf("%q: %q, want %q", c.q, got, c.want)
		}
	}
}
