package unit

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find and Canonical never panic and return valid
// UTF-8.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Ban Thường vụ Tỉnh ủy Bắc Ninh, HĐND, UBND tỉnh",
		"Các huyện uỷ Can Lộc, Đức Thọ; xã Thiên Lộc (huyện Can Lộc, Hà Tĩnh)",
		"Chủ tịch UBND tỉnh Nguyễn Văn An, Bí thư Đoàn xã, Sở GD&ĐT",
		"THỊ ỦY QUẾ VÕ, UBND TP.HCM, Ủy ban MTTQ Việt Nam tỉnh",
		strings.Repeat("Tỉnh ủy ", 40),
		"\xff Ch\u0309i bo\u0323 tho\u0302n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, u := range Find(text) {
			if !utf8.ValidString(u) || u == "" {
				t.Fatalf("Find(%q) returned %q", text, u)
			}
		}
		if c := Canonical(text); !utf8.ValidString(c) {
			t.Fatalf("Canonical(%q) = %q", text, c)
		}
	})
}

// TestAdversarial runs Find on a megabyte of repeated unit words and of
// junk, and checks what comes out: exactly the units a repeated name names
// (none cut short by the megabyte bound, none swallowing the next unit's
// keyword), none for a place alone or for junk.
func TestAdversarial(t *testing.T) {
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(i*7919 + i/13)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{strings.Repeat("Tỉnh ủy ", 100_000), []string{}},
		{strings.Repeat("Tỉnh ủy Bắc Ninh ", 70_000), []string{"Tỉnh ủy Bắc Ninh"}},
		{strings.Repeat("Đảng ủy, UBND, HĐND, ", 40_000), []string{}},
		{strings.Repeat("UBND tỉnh Bắc Ninh Hà Nội Quế Võ ", 30_000), []string{"Ủy ban nhân dân tỉnh Bắc Ninh"}},
		{strings.Repeat("UBND tỉnh Bắc Ninh ", 60_000), []string{"Ủy ban nhân dân tỉnh Bắc Ninh"}},
		{strings.Repeat("huyện Can Lộc, ", 60_000), []string{}},
		{string(junk), []string{}},
	} {
		got := Find(tt.text)
		if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%.20q…: %q, want %q", tt.text, got, tt.want)
		}
	}
}
