package words

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSplit(t *testing.T) {
	text := norm.NFD.String("Thị uỷ QUẾ VÕ, 05-CT/TW")
	ws := Split(text)
	want := []struct {
		fold              string
		cap, upper, digit bool
	}{
		{"thi", true, false, false}, {"uy", false, false, false}, {"que", true, true, false},
		{"vo", true, true, false}, {"05", false, false, true}, {"ct", true, true, false}, {"tw", true, true, false},
	}
	if len(ws) != len(want) {
		t.Fatalf("Split(%q) = %d words, want %d", text, len(ws), len(want))
	}
	for i, w := range want {
		got := ws[i]
		if got.Fold != w.fold || got.Cap != w.cap || got.Upper != w.upper || got.Digits != w.digit {
			t.Errorf("word %d = %+v, want %+v", i, got, w)
		}
	}
	if got := text[ws[0].Start:ws[1].End]; got != norm.NFD.String("Thị uỷ") {
		t.Errorf("offsets cut %q", got)
	}
	for i, g := range []string{"", "", "", ",", "-", "/"} {
		if got := Gap(text, ws[i], ws[i+1]); got != g {
			t.Errorf("Gap after word %d = %q, want %q", i, got, g)
		}
	}
	if got := Gap("a \n b", Split("a \n b")[0], Split("a \n b")[1]); got != "\n" {
		t.Errorf("Gap across a line = %q, want newline", got)
	}
}

// TestSplitCachedShapes: words split again, from a worker's cache of
// shapes, and past the cache's bound, have the shapes of words split
// without it; spellings differing in case or marks are different words.
func TestSplitCachedShapes(t *testing.T) {
	var b strings.Builder
	for i := range maxCachedShapes + 100 {
		fmt.Fprintf(&b, "Đảng%d ĐẢNG đảng Dang dang %s ", i, norm.NFD.String("Đảng"))
	}
	text := b.String()
	for round := range 2 {
		for i, w := range Split(text) {
			want := newWord(text, w.Start, w.End, nil)
			if w != want {
				t.Fatalf("round %d, word %d %q = %+v, want %+v", round, i, text[w.Start:w.End], w, want)
			}
		}
	}
}

func TestDict(t *testing.T) {
	d := NewDict(map[string]int{"Quận ủy": 1, "Quận": 2, "TP.HCM": 3})
	tests := []struct {
		text string
		v, n int
	}{
		{"Quận uỷ Hoàn Kiếm", 1, 2},
		{"QUAN UY", 1, 2},
		{"Quân ủy Trung ương", 0, 0}, // a text with diacritics must spell them
		{"quận 1", 2, 1},
		{"TP.HCM", 3, 2},
		{"TP HCM", 0, 0},
	}
	for _, tt := range tests {
		v, n := d.Match(New(tt.text), 0)
		if v != tt.v || n != tt.n {
			t.Errorf("Match(%q) = %d, %d; want %d, %d", tt.text, v, n, tt.v, tt.n)
		}
	}
}

func TestLooseDict(t *testing.T) {
	d := NewDictOf[int](Loose)
	for p, v := range map[string]int{"học tập và làm theo Bác": 1, "bão": 2, "sản xuất kinh doanh": 3, "5 không 3 sạch": 4} {
		d.Add(p, v)
	}
	tests := []struct {
		text string
		v, n int
	}{
		{"Học tập và làm theo Bác", 1, 6},
		{"hoc tap va lam theo Bac", 1, 6},             // a text without diacritics
		{"Anh nói: hoc tap va lam theo Bac là", 1, 6}, // a bare run inside a text with diacritics
		{"báo", 0, 0},                   // a word with diacritics spells the phrase's
		{"Trời có bao nhiêu", 0, 0},     // one bare word in a marked text is its own word
		{"bao lut", 2, 1},               // an unmarked text
		{"sản xuất - kinh doanh", 3, 4}, // dashes and commas inside a clause
		{"5 không, 3 sạch", 4, 4},
		{"sản xuất.\nKinh doanh", 0, 0},      // a sentence end is no clause
		{"sản xuất\nkinh doanh", 0, 0},       // nor a line break
		{"HỌC TẬP VÀ LÀM THEO BÁC", 1, 6},    // case
		{"học tập và làm theo Bác Hồ", 1, 6}, // words after the phrase
		{"sản xuất kinh", 0, 0},              // the text ends before the phrase
	}
	for _, tt := range tests {
		v, n := d.Match(New(tt.text), firstWord(tt.text))
		if v != tt.v || n != tt.n {
			t.Errorf("Match(%q) = %d, %d; want %d, %d", tt.text, v, n, tt.v, tt.n)
		}
	}
}

// firstWord is the index of the word starting "học", "bao", "sản", "5"
// or "báo" in text, or 0.
func firstWord(text string) int {
	for i, w := range Split(text) {
		switch w.Fold {
		case "hoc", "bao", "san", "5":
			return i
		}
	}
	return 0
}

func TestScanTakesTheLongestWithoutOverlap(t *testing.T) {
	d := NewDict(map[string]string{"Ủy ban nhân dân": "ubnd", "nhân dân": "nd", "Bắc Ninh": "bn"})
	var got []string
	for _, h := range d.Scan(New("Ủy ban nhân dân tỉnh Bắc Ninh và nhân dân")) {
		got = append(got, fmt.Sprintf("%s@%d+%d", h.Value, h.At, h.N))
	}
	want := []string{"ubnd@0+4", "bn@5+2", "nd@8+2"}
	if !slices.Equal(got, want) {
		t.Errorf("Scan = %v, want %v", got, want)
	}
}

func TestRawGap(t *testing.T) {
	tx := New("“Dân vận khéo”, nhé")
	for i, want := range map[int]string{-1: "\n", 0: " ", 2: "”, ", 3: "", 4: "\n"} {
		if got := tx.RawGap(i); got != want {
			t.Errorf("RawGap(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestBound(t *testing.T) {
	pad := strings.Repeat(" ", MaxBytes-6)
	for _, tt := range []struct {
		text string
		want int
	}{
		{pad + "ab", len(pad) + 2},         // short enough
		{pad + "Ninh Bắc", len(pad) + 5},   // the cut falls inside "Bắc": before it
		{pad + "tỉnh, Bắc", len(pad) + 6},  // the cut falls on the comma
		{pad + "     ấ", len(pad) + 5},     // inside the rune of a word of one letter
		{pad + "Bắcxy Ninh", len(pad)},     // inside "Bắcxy"
		{strings.Repeat("ấ", MaxBytes), 0}, // one word longer than the bound
	} {
		got := Bound(tt.text)
		if len(got) != tt.want {
			t.Errorf("Bound(…%q) cut at %d, want %d", tt.text[len(pad):], len(got), tt.want)
		}
	}
	if tx := New(pad + " UBND tỉnh Bắc Ninh"); !tx.Cut || !tx.AtCut(len(tx.W)) || tx.AtCut(len(tx.W)-1) {
		t.Errorf("a cut text: Cut %v, AtCut(end) %v, AtCut(end-1) %v", tx.Cut, tx.AtCut(len(tx.W)), tx.AtCut(len(tx.W)-1))
	}
	if tx := New("UBND tỉnh Bắc Ninh"); tx.Cut || tx.AtCut(len(tx.W)) {
		t.Error("a short text is not cut")
	}
}

// FuzzSub asserts that the words of a part of a text taken from the
// text's words are those of the part split alone.
func FuzzSub(f *testing.F) {
	f.Add("Thị uỷ QUẾ VÕ, 05-CT/TW\n\nĐảng ủy xã", 3, 12)
	f.Add(norm.NFD.String("Quế Võ ngày 5/12"), 0, 9)
	f.Add("abc", 1, 2)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if len(s) > MaxBytes || a < 0 || b < a || b > len(s) {
			return
		}
		for a > 0 && a < len(s) && !utf8.RuneStart(s[a]) {
			a--
		}
		for b < len(s) && !utf8.RuneStart(s[b]) {
			b++
		}
		got, want := New(s).Sub(a, b), New(s[a:b])
		if got.S != want.S || got.Marked != want.Marked || got.Cut != want.Cut || !slices.Equal(got.W, want.W) {
			t.Errorf("New(%q).Sub(%d, %d) = %+v, want %+v", s, a, b, got, want)
		}
	})
}
