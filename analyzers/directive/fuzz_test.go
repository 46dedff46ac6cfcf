package directive

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind checks that the recognizers never panic, return spans within
// the input (on rune boundaries when the input is valid UTF-8), and return
// ids that parse back.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
		"NQ TW4 (khóa XI, XII, XIII) và Nghị quyết số 18, 19-NQ/TW",
		"Nghị định 30/2020/NĐ-CP, Luật số 31/2024/QH15, 12/2022/TTLT-BTC-BNV",
		"Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương Đảng khóa XIII",
		"Chỉ thị 05-CT/TW ngày 31/2/9999 CT 05/ KL 01 -KL/TW@",
		strings.Repeat("Chỉ thị ", 50),
		"\xff\xfe Ch\u0309i thi\u0323 05",
	} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Unix(unix%4e9, 0)
		for _, ms := range [][]mention{find(text, pub), findDocuments(text)} {
			for _, m := range ms {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End ||
					(utf8.ValidString(text) && !utf8.ValidString(text[m.Start:m.End])) {
					t.Fatalf("bad span %d..%d for %q in %q", m.Start, m.End, m.ID, text)
				}
			}
		}
		for _, id := range idsOf(text, pub) {
			if ids, ok := ParseID(id); !ok || len(ids) == 0 {
				t.Fatalf("ParseID(%q) = %q, %v: an id IDsIn returns must parse", id, ids, ok)
			}
		}
		ParseID(text)
	})
}

// TestAdversarial runs the inputs the fuzz target is seeded against at
// full size — a megabyte of repeated kind words and of junk — and checks
// what comes out: mentions in order inside the text, and only the
// documents the text names.
func TestAdversarial(t *testing.T) {
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(i*7919 + i/13)
	}
	for _, tt := range []struct {
		text string
		ids  []string // the distinct ids expected; nil: none
	}{
		{strings.Repeat("Chỉ thị ", 100_000), nil},
		{strings.Repeat("Nghị quyết số 1, ", 60_000), nil},
		{strings.Repeat("NQ TW4 (khóa XI, ", 60_000), []string{"12-NQ/TW@2012"}},
		{strings.Repeat("05-CT/TW ngày ", 70_000), []string{"05-CT/TW"}},
	} {
		got := find(tt.text, time.Now())
		checkMatches(t, tt.text, got)
		if ids := distinctIDs(got); !slices.Equal(ids, tt.ids) {
			t.Errorf("%.20q…: ids %v, want %v", tt.text, ids, tt.ids)
		}
		if docs := findDocuments(tt.text); len(docs) != 0 {
			t.Errorf("%.20q…: state documents %v in a text without any", tt.text, docs[:min(3, len(docs))])
		}
	}
	checkMatches(t, string(junk), find(string(junk), time.Now()))
	ParseID(string(junk))
}

// checkMatches fails unless every match lies inside text, in order,
// without overlapping the one before.
func checkMatches(t *testing.T, text string, ms []mention) {
	t.Helper()
	end := 0
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("match %+v out of order or outside the text (previous end %d, length %d)", m, end, len(text))
		}
		end = m.End
	}
}
