package synonym

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/registry"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDefaultVocabulary(t *testing.T) {
	v := Default()
	if v.Len() < 60 {
		t.Errorf("shipped vocabulary has %d sets, want at least 60", v.Len())
	}
}

func TestFind(t *testing.T) {
	v := Default()
	tests := []struct {
		text string
		want []Match
	}{
		{"UBND xã Chi Lăng", []Match{{Start: 0, End: 1, Alts: []string{"Ủy ban nhân dân"}}}},
		{"uy ban nhan dan xa Chi Lang", []Match{{Start: 0, End: 4, Alts: []string{"UBND"}}}},
		{"Ủy ban nhân dân xã", []Match{{Start: 0, End: 4, Alts: []string{"UBND"}}}},
		{"lãnh đạo XDNTM", []Match{{Start: 2, End: 3, Alts: []string{"xây dựng nông thôn mới", "xây dựng NTM"}}}},
		{"lãnh đạo xây dựng nông thôn mới", []Match{{Start: 2, End: 7, Alts: []string{"XDNTM", "xây dựng NTM"}}}},
		{"Ủy ban MTTQ Việt Nam tỉnh Yên Bái", []Match{{Start: 0, End: 3, Alts: []string{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"}}}},
		{"Ủy ban Mặt trận Tổ quốc Việt Nam", []Match{{Start: 0, End: 6, Alts: []string{"UBMTTQ", "Ủy ban MTTQ"}}}},
		{"BCH Trung ương", []Match{{Start: 0, End: 3, Alts: []string{"BCHTW", "BCH TW", "Ban Chấp hành Trung ương", "Ban Chấp hành TW"}}}},
		{"Ủy ban Thường vụ Quốc hội", []Match{{Start: 0, End: 6, Alts: []string{"UBTVQH"}}}},
		{"học tập và làm theo Bác", []Match{{Start: 0, End: 6, Alts: []string{"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"}}}},
		{"Bác Hồ", []Match{{Start: 0, End: 2, Alts: []string{"Chủ tịch Hồ Chí Minh", "Hồ Chủ tịch"}}}},
		{"Ban Thường vụ Tỉnh ủy", []Match{{Start: 0, End: 3, Alts: []string{"BTV"}}}},
		{"kinh tế - xã hội", []Match{{Start: 0, End: 4, Alts: []string{"KT-XH", "KTXH"}}}},
		{"đường làng ngõ xóm", nil},
	}
	for _, tt := range tests {
		got := v.Find(Words(tt.text))
		for i := range got {
			if got[i].Key == "" || len(got[i].Uncovered) != 0 {
				t.Errorf("Find(%q): %+v: the shipped vocabulary is not all filed for the index", tt.text, got[i])
			}
			got[i].Key, got[i].Uncovered = "", nil
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// TestDerivedForms checks the forms a set gains from the forms of other
// sets it holds: every mix is in the set, and nothing splits a word.
func TestDerivedForms(t *testing.T) {
	v, err := Parse(strings.NewReader("MTTQ = Mặt trận Tổ quốc\nUBMTTQ = Ủy ban Mặt trận Tổ quốc\n" +
		"BCH = Ban Chấp hành\nTW = Trung ương\nBCHTW = Ban Chấp hành Trung ương\nBTV = Ban Thường vụ\n" +
		"UBTVQH = Ủy ban Thường vụ Quốc hội"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, want string }{
		{"Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc = UBMTTQ = Ủy ban MTTQ"},
		{"BCH Trung ương", "Ban Chấp hành Trung ương = BCHTW = BCH Trung ương = Ban Chấp hành TW = BCH TW"},
		{"Ủy BTV Quốc hội", ""},
	}
	for _, tt := range tests {
		set := v.forms[strings.Join(Words(tt.form), " ")]
		got := slices.Clone(set)
		slices.Sort(got)
		want := strings.Split(tt.want, " = ")
		if tt.want == "" {
			want = nil
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("set of %q = %q, want %q", tt.form, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"UBND", "A = B\nb = C", "A = " + strings.Repeat("x ", 20)} {
		if _, err := Parse(strings.NewReader(in)); err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
	}
}

func FuzzFind(f *testing.F) {
	v := Default()
	f.Add("Ủy ban nhân dân xã Chi Lăng UBND")
	f.Fuzz(func(t *testing.T, s string) {
		words := Words(s)
		last := 0
		for _, m := range v.Find(words) {
			if m.Start < last || m.End <= m.Start || m.End > len(words) || len(m.Alts) == 0 {
				t.Fatalf("bad match %+v in %q", m, words)
			}
			last = m.End
		}
	})
}

func TestFilterAddsSetKeys(t *testing.T) {
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"UBND xã Chi Lăng", "ubnd@1 syn_ubnd@1 xa@2 chi@3 lang@4"},
		{"Ủy ban nhân dân xã", "uy@1 syn_ubnd@1 ban@2 nhan@3 dan@4 xa@5"},
		{"lãnh đạo XDNTM", "lanh@1 dao@2 xdntm@3 syn_xdntm@3"},
		{"Ban Chấp hành Trung ương", "ban@1 syn_bchtw@1 syn_bch@1 chap@2 hanh@3 trung@4 syn_tw@4 uong@5"},
		{"KT-XH", "kt@1 syn_kt_xh@1 xh@2"},
		{"Ủy ban MTTQ Việt Nam", "uy@1 syn_ubmttq@1 ban@2 mttq@3 syn_mttq@3 viet@4 nam@5"},
		{"không có gì", "khong@1 co@2 gi@3"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range a.Analyze([]byte(tt.text)) {
			got = append(got, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, strings.Join(got, " "), tt.want)
		}
	}
}
