package search

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// termsOf builds the terms of folded words and their counts, as
// readTerms does from an index.
func termsOf(t testing.TB, counts map[string]uint64) *terms {
	t.Helper()
	tm := &terms{best: map[string]termEntry{}}
	for k, n := range counts {
		tm.best[k] = termEntry{term: k, count: n}
		tm.keys = append(tm.keys, k)
	}
	sort.Strings(tm.keys)
	var err error
	if tm.fst, err = buildFST(tm.keys); err != nil {
		t.Fatal(err)
	}
	return tm
}

// scanNearest is nearest by reading every word, as it was before the
// automaton: the most frequent within the limit, the first in sorted
// order of those as frequent.
func scanNearest(tm *terms, k string) (termEntry, bool) {
	limit := correctionLimit(k)
	var best termEntry
	bestDist := limit + 1
	for _, cand := range tm.keys {
		if d := len(cand) - len(k); d > limit || -d > limit {
			continue // further than the difference of their lengths
		}
		d := editDistance(k, cand, limit)
		if e := tm.best[cand]; d <= limit && (d < bestDist || (d == bestDist && e.count > best.count)) {
			best, bestDist = e, d
		}
	}
	return best, bestDist <= limit
}

func TestNearest(t *testing.T) {
	tm := termsOf(t, map[string]uint64{
		"thanh": 50, "thanhs": 1, "thach": 9, "thang": 20, "hoa": 40, "hoan": 5, "giai": 30,
		"chuyen": 12, "chuyenn": 2, "nghiquyet": 3, "nghiep": 8,
	})
	for _, tc := range []struct {
		word, want string // want "": none near enough
	}{
		{"thanhh", "thanh"},   // one letter too many
		{"thnh", "thanh"},     // one missing
		{"thang", "thang"},    // a known word is its own nearest
		{"thanf", "thanh"},    // two at distance 1: the more frequent
		{"hoaa", "hoa"},       // limit 1 below six letters
		{"hxxa", ""},          // distance 2 below six letters: too far
		{"chuyxxn", "chuyen"}, // distance 2 from six letters
		{"nghiqyuet", "nghiquyet"},
		{"zzzzzzzz", ""},
		{"", ""},
	} {
		e, ok := tm.nearest(tc.word)
		if got := map[bool]string{true: e.term}[ok]; got != tc.want {
			t.Errorf("nearest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	if e, ok := termsOf(t, nil).nearest("thanh"); ok {
		t.Errorf("an empty dictionary corrects to %q", e.term)
	}
}

// TestNearestFindsWhatAScanFinds: on random words and random typos of
// them, the automaton's walk picks the word a scan of the whole
// dictionary picks.
func TestNearestFindsWhatAScanFinds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const letters = "abcdeghiklmnoqrstuvxy"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	counts := map[string]uint64{}
	for range 3000 {
		counts[word(2+rng.IntN(7))] = uint64(1 + rng.IntN(5)) // ties in count too
	}
	tm := termsOf(t, counts)
	typo := func(w string) string {
		b := []byte(w)
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(b) + 1)
			switch rng.IntN(3) {
			case 0: // insert
				b = append(b[:i], append([]byte{letters[rng.IntN(len(letters))]}, b[i:]...)...)
			case 1: // delete
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			default: // replace
				if i < len(b) {
					b[i] = letters[rng.IntN(len(letters))]
				}
			}
		}
		return string(b)
	}
	for i := range 2000 {
		q := typo(tm.keys[rng.IntN(len(tm.keys))])
		if i%10 == 0 {
			q = word(1 + rng.IntN(9))
		}
		got, gotOK := tm.nearest(q)
		want, wantOK := scanNearest(tm, q)
		if got != want || gotOK != wantOK {
			t.Fatalf("nearest(%q) = %v %v, a scan finds %v %v", q, got, gotOK, want, wantOK)
		}
	}
}

// BenchmarkNearest: a correction looked up in a dictionary of 200,000
// words, by the automaton and by a scan of every word.
func BenchmarkNearest(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	counts := map[string]uint64{}
	for len(counts) < 200_000 {
		w := make([]byte, 2+rng.IntN(8))
		for i := range w {
			w[i] = byte('a' + rng.IntN(26))
		}
		counts[string(w)] = uint64(1 + rng.IntN(100))
	}
	tm := termsOf(b, counts)
	queries := []string{"xyzzyqq", "thanhh", "nghiquyett", "qq"}
	b.Run("automaton", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			tm.nearest(queries[i%len(queries)])
		}
	})
	b.Run("scan", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			scanNearest(tm, queries[i%len(queries)])
		}
	})
}
