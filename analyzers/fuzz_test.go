package analyzers

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Đảng uỷ phường Hoà Bình", "ĐẢNG ỦY", norm.NFD.String("Thị uỷ Quế Võ"), "kỹ kĩ quý quí Mỹ hy",
		"Chỉ thị 05-CT/TW", "08-QĐi/TW", "30/2020/NĐ-CP", "3,5 tỷ; 0,79%; 2020-2025", "“Dễ trăm lần”",
		"a-/b", "1,", ",1", "00\xa1", "-\u0301y", "k\u0301y", "\xff\xfe", "ǅ", "İ", "\u2126",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, tokens := range map[string][]Token{Name: Analyze(s), FoldedName: AnalyzeFolded(s)} {
			checkTokens(t, name, s, tokens)
		}
		if a, b := Fold(Normalize(s)), Fold(s); a != b {
			t.Errorf("Fold(Normalize(%q)) = %q, Fold = %q", s, a, b)
		}
		if n := Normalize(s); Normalize(n) != n {
			t.Errorf("Normalize(%q) = %q is not stable: %q", s, n, Normalize(n))
		}
		if utf8.ValidString(s) && !utf8.ValidString(Normalize(s)+NormalizeCase(s)+Fold(s)) {
			t.Errorf("invalid UTF-8 from valid %q", s)
		}
	})
}

// checkTokens asserts the invariants of an analyzed stream of s.
func checkTokens(t *testing.T, name, s string, tokens []Token) {
	t.Helper()
	boundary := runeBoundaries(s)
	last := 0
	for _, tok := range tokens {
		if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
			t.Fatalf("%s(%q): token %+v out of range", name, s, tok)
		}
		if !boundary[tok.Start] || !boundary[tok.End] {
			t.Errorf("%s(%q): token %+v not on rune boundaries", name, s, tok)
		}
		if !utf8.ValidString(tok.Term) || tok.Term == "" {
			t.Errorf("%s(%q): term %q empty or invalid UTF-8", name, s, tok.Term)
		}
		if tok.Position < last || tok.Position < 1 {
			t.Errorf("%s(%q): position %d after %d", name, s, tok.Position, last)
		}
		last = tok.Position
	}
}

// runeBoundaries marks the offsets at which decoding s rune by rune stops
// (an invalid byte counts as one rune, as in a range loop).
func runeBoundaries(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := range s {
		b[i] = true
	}
	b[len(s)] = true
	return b
}
