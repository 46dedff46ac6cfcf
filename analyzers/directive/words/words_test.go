package words

import (
	"testing"

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

func TestBound(t *testing.T) {
	long := string(make([]byte, MaxBytes-1)) + "ấ"
	if got := Bound(long); len(got) != MaxBytes-1 {
		t.Errorf("Bound cut at %d, want %d (a rune boundary)", len(got), MaxBytes-1)
	}
}
