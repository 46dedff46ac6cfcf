package synonym

import (
	"reflect"
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
		{"UBND xã Chi Lăng", []Match{{0, 1, []string{"Ủy ban nhân dân"}}}},
		{"uy ban nhan dan xa Chi Lang", []Match{{0, 4, []string{"UBND"}}}},
		{"Ủy ban nhân dân xã", []Match{{0, 4, []string{"UBND"}}}},
		{"lãnh đạo XDNTM", []Match{{2, 3, []string{"xây dựng nông thôn mới"}}}},
		{"lãnh đạo xây dựng nông thôn mới", []Match{{2, 7, []string{"XDNTM"}}}},
		{"học tập và làm theo Bác", []Match{{0, 6, []string{"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"}}}},
		{"Bác Hồ", []Match{{0, 2, []string{"Chủ tịch Hồ Chí Minh", "Hồ Chủ tịch"}}}},
		{"Ban Thường vụ Tỉnh ủy", []Match{{0, 3, []string{"BTV"}}}},
		{"kinh tế - xã hội", []Match{{0, 4, []string{"KT-XH", "KTXH"}}}},
		{"đường làng ngõ xóm", nil},
	}
	for _, tt := range tests {
		if got := v.Find(Words(tt.text)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %+v, want %+v", tt.text, got, tt.want)
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
