package search

import (
	"slices"
	"strings"
	"testing"
)

func TestMaxEdits(t *testing.T) {
	for n, want := range map[int]int{1: 0, 3: 0, 4: 1, 9: 1, 10: 2, 15: 2, 16: 3} {
		if got := maxEdits(n); got != want {
			t.Errorf("maxEdits(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestAlignNear(t *testing.T) {
	const doc = "bác hồ dạy rằng dễ trăm lần không dân cũng chịu khó vạn lần dân liệu cũng xong đó là bài học"
	tests := []struct {
		name, q   string
		limit     int
		ok        bool
		want      string // the run of doc matched
		edits     int
		wantSplit bool
	}{
		{"exact", "dễ trăm lần không dân cũng chịu", 1, true, "dễ trăm lần không dân cũng chịu", 0, false},
		{"substituted", "dễ mười lần không dân cũng chịu", 1, true, "dễ trăm lần không dân cũng chịu", 1, false},
		{"dropped", "dễ trăm lần dân cũng chịu", 1, true, "dễ trăm lần không dân cũng chịu", 1, false},
		{"added", "dễ trăm lần mà không dân cũng chịu", 1, true, "dễ trăm lần không dân cũng chịu", 1, false},
		{"swapped", "dễ trăm lần không cũng dân chịu", 1, true, "dễ trăm lần không dân cũng chịu", 1, false},
		{"two edits, one allowed", "dễ mười lần không dân vẫn chịu", 1, false, "", 0, false},
		{"two edits allowed", "dễ mười lần không dân vẫn chịu", 2, true, "dễ trăm lần không dân cũng chịu", 2, false},
		{"split", "dễ trăm lần đó là bài học", 1, true, "dễ trăm lần không dân cũng chịu khó vạn lần dân liệu cũng xong đó là bài học", 1, true},
		{"split part too short", "dễ trăm bài học", 1, false, "", 0, false},
		{"too short", "trăm lần", 1, false, "", 0, false},
		{"absent", "một hai ba bốn năm sáu", 1, false, "", 0, false},
	}
	d := strings.Fields(doc)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := alignNear(strings.Fields(tt.q), d, tt.limit)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, m)
			}
			if !ok {
				return
			}
			if got := strings.Join(d[m.start:m.end], " "); got != tt.want || m.edits != tt.edits || m.split != tt.wantSplit {
				t.Errorf("matched %q with %d edits (split %v), want %q with %d (split %v)",
					got, m.edits, m.split, tt.want, tt.edits, tt.wantSplit)
			}
		})
	}
}

// TestAlignNearBounded: the alignment reads only the neighbourhoods of the
// query's pairs, so a long document without them costs nothing and one
// with them far apart is aligned region by region.
func TestAlignNearBounded(t *testing.T) {
	filler := strings.Fields(strings.Repeat("một hai ba bốn năm ", 20000))
	q := strings.Fields("dễ trăm lần không dân cũng chịu")
	if _, ok := alignNear(q, filler, 1); ok {
		t.Fatal("matched a document without the quote")
	}
	doc := append(append(append([]string{}, filler...), strings.Fields("dễ trăm lần dân cũng chịu")...), filler...)
	m, ok := alignNear(q, doc, 1)
	if !ok || m.edits != 1 || m.start != len(filler) {
		t.Errorf("got %+v, %v; want one edit at %d", m, ok, len(filler))
	}
}

func TestEditsBetween(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a b c", "a b c", 0},
		{"a b c", "", 3},
		{"a b c", "a x c", 1},
		{"a b c", "a c", 1},
		{"a b c", "a b x c", 1},
		{"a b c d", "a c b d", 1},
		{"a b c d", "d c b a", 3}, // d…a, the middle swapped
	}
	for _, tt := range tests {
		if got := editsBetween(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("editsBetween(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzAlignNear: no panic; a near match lies inside the document, has at
// most limit edits, and is that many edits from the query; a split match
// is the query's two parts, exactly, apart; the distance is symmetric and
// at most the longer run.
func FuzzAlignNear(f *testing.F) {
	f.Add("a b c d e", "x a b d c e y", 1)
	f.Add("a a a a", "a a a a a", 2)
	f.Add("a b c d e f", "a b c x y z d e f", 1)
	f.Fuzz(func(t *testing.T, q, doc string, limit int) {
		limit = max(0, limit%4)
		qs, ds := strings.Fields(q), strings.Fields(doc)
		if len(qs) > 40 || len(ds) > 400 {
			return
		}
		if d := editsBetween(qs, ds); d != editsBetween(ds, qs) || d > max(len(qs), len(ds)) {
			t.Fatalf("editsBetween(%q, %q) = %d, not symmetric or too large", qs, ds, d)
		}
		m, ok := alignNear(qs, ds, limit)
		if !ok {
			return
		}
		if m.start < 0 || m.end > len(ds) || m.start > m.end {
			t.Fatalf("match %+v outside %d document words", m, len(ds))
		}
		run := ds[m.start:m.end]
		if !m.split && (m.edits > limit || editsBetween(qs, run) != m.edits) {
			t.Fatalf("match %+v of %q in %q: %d edits from the query, limit %d", m, qs, run, editsBetween(qs, run), limit)
		}
		if m.split && (!slices.Equal(run[:minSplitPart], qs[:minSplitPart]) || !slices.Equal(run[len(run)-minSplitPart:], qs[len(qs)-minSplitPart:])) {
			t.Fatalf("split match %q of %q", run, qs)
		}
	})
}
