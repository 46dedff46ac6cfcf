package analyzers

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
	"golang.org/x/text/unicode/norm"
)

func tk(term string, pos, start, end int) Token {
	return Token{Term: term, Position: pos, Start: start, End: end}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Token
	}{
		{"lowercase with diacritics", "Đảng ủy", []Token{tk("đảng", 1, 0, 7), tk("ủy", 2, 8, 12)}},
		{"uppercase", "ĐẢNG ỦY", []Token{tk("đảng", 1, 0, 7), tk("ủy", 2, 8, 12)}},
		{"NFD with old tone placement", norm.NFD.String("Đảng uỷ"), []Token{tk("đảng", 1, 0, 7), tk("ủy", 2, 8, 12)}},
		{"mixed NFC and NFD", "Hoà " + norm.NFD.String("Bình") + " hòa",
			[]Token{tk("hòa", 1, 0, 4), tk("bình", 2, 5, 11), tk("hòa", 3, 12, 16)}},
		{"old and new tone placement", "hoà hòa thuỷ khoẻ hoàn",
			[]Token{tk("hòa", 1, 0, 4), tk("hòa", 2, 5, 9), tk("thủy", 3, 10, 16), tk("khỏe", 4, 17, 23), tk("hoàn", 5, 24, 29)}},
		{"i/y variants", "Kỹ thuật, lý luận",
			[]Token{tk("kĩ", 1, 0, 4), tk("thuật", 2, 5, 12), tk("lí", 3, 14, 17), tk("luận", 4, 18, 24)}},
		{"party document number", "Chỉ thị 05-CT/TW",
			[]Token{tk("chỉ", 1, 0, 5), tk("thị", 2, 6, 11), tk("05", 3, 12, 14), tk("05-ct/tw", 3, 12, 20), tk("ct", 4, 15, 17), tk("tw", 5, 18, 20)}},
		{"regulation number", "Quy định 08-QĐi/TW.",
			[]Token{tk("qui", 1, 0, 3), tk("định", 2, 4, 11), tk("08", 3, 12, 14), tk("08-qđi/tw", 3, 12, 22), tk("qđi", 4, 15, 19), tk("tw", 5, 20, 22)}},
		{"state document number", "30/2020/NĐ-CP",
			[]Token{tk("30", 1, 0, 2), tk("30/2020/nđ-cp", 1, 0, 14), tk("2020", 2, 3, 7), tk("nđ", 3, 8, 11), tk("cp", 4, 12, 14)}},
		{"numbers", "3,5 tỷ; 0,79%; 2020-2025; 1.000.000",
			[]Token{tk("3,5", 1, 0, 3), tk("tỉ", 2, 4, 8), tk("0,79", 3, 10, 14), tk("2020", 4, 17, 21), tk("2020-2025", 4, 17, 26), tk("2025", 5, 22, 26), tk("1.000.000", 6, 28, 37)}},
		{"punctuation and quotes", "“Dễ trăm lần không dân cũng chịu”",
			[]Token{tk("dễ", 1, 3, 7), tk("trăm", 2, 8, 13), tk("lần", 3, 14, 19), tk("không", 4, 20, 26), tk("dân", 5, 27, 31), tk("cũng", 6, 32, 37), tk("chịu", 7, 38, 44)}},
		{"hyphenated names without digits stay parts", "Bà Rịa-Vũng Tàu",
			[]Token{tk("bà", 1, 0, 3), tk("rịa", 2, 4, 9), tk("vũng", 3, 10, 15), tk("tàu", 4, 16, 20)}},
		{"empty", "", []Token{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyzeFolded(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Token
	}{
		{"diacritics removed", "ĐẢNG ỦY", []Token{tk("dang", 1, 0, 7), tk("uy", 2, 8, 12)}},
		{"NFD", norm.NFD.String("Đảng uỷ Quế Ổ"),
			[]Token{tk("dang", 1, 0, 7), tk("uy", 2, 8, 12), tk("que", 3, 13, 20), tk("o", 4, 21, 26)}},
		{"document numbers", "08-QĐi/TW 1719/QĐ-TTg",
			[]Token{tk("08", 1, 0, 2), tk("08-qdi/tw", 1, 0, 10), tk("qdi", 2, 3, 7), tk("tw", 3, 8, 10),
				tk("1719", 4, 11, 15), tk("1719/qd-ttg", 4, 11, 23), tk("qd", 5, 16, 19), tk("ttg", 6, 20, 23)}},
		{"i/y", "kỹ ky Mỹ quý", []Token{tk("ki", 1, 0, 4), tk("ki", 2, 5, 7), tk("mi", 3, 8, 12), tk("qui", 4, 13, 17)}},
		{"typed without diacritics", "de tram lan", []Token{tk("de", 1, 0, 2), tk("tram", 2, 3, 7), tk("lan", 3, 8, 11)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AnalyzeFolded(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("AnalyzeFolded(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

// The analyzers a bleve mapping gets by name are the ones Analyze and
// AnalyzeFolded run.
func TestRegistered(t *testing.T) {
	m := mapping.NewIndexMapping()
	text := "Ban Thường vụ Thị uỷ Quế Võ quán triệt Chỉ thị 05-CT/TW"
	for name, want := range map[string][]Token{Name: Analyze(text), FoldedName: AnalyzeFolded(text)} {
		a := m.AnalyzerNamed(name)
		if a == nil {
			t.Fatalf("analyzer %q not registered", name)
		}
		got := make([]Token, 0, len(want))
		for _, tok := range a.Analyze([]byte(text)) {
			got = append(got, Token{Term: string(tok.Term), Position: tok.Position, Start: tok.Start, End: tok.End})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("registered %q\n got %v\nwant %v", name, got, want)
		}
	}
}

// Filters must not write into the analyzed input.
func TestAnalyzeKeepsInput(t *testing.T) {
	in := []byte("ĐẢNG UỶ Kỹ 05-CT/TW")
	orig := string(in)
	viAnalyzer.Analyze(in)
	foldedAnalyzer.Analyze(in)
	if string(in) != orig {
		t.Errorf("input changed to %q", in)
	}
}
