package search

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/vellum"
	lev "github.com/blevesearch/vellum/levenshtein"

	"github.com/vnsearch/vnsearch/analyzers"
)

// termDictionary is the suggestion dictionary of an index: the words of
// its text field, read from bleve's own dictionary, that "did you mean"
// and completion restore diacritics and correct misspellings from. (The
// political vocabulary, the synonym sets queries expand with, is another
// thing: search/synonym.) It is built on the first suggestion and rebuilt
// after writes, at most once per termsMaxAge. The zero value is empty and
// ready to use.
type termDictionary struct {
	mu       sync.Mutex // guards the fields below
	cur      *terms     // nil until the first build
	built    time.Time  // when cur was read
	stale    bool       // a write came after cur was read
	building bool       // a caller is reading a new one
}

// termsMaxAge is how long the term dictionary may lag behind writes:
// reading the whole dictionary after every crawled batch would stall
// suggestions.
const termsMaxAge = time.Minute

// written marks the dictionary stale after a write to the index.
func (d *termDictionary) written() {
	d.mu.Lock()
	d.stale = true
	d.mu.Unlock()
}

// get returns the terms of b. The first call reads them; after writes,
// once they are termsMaxAge old, one caller reads them again while the
// others go on with the old ones. A read stops when ctx ends.
func (d *termDictionary) get(ctx context.Context, b bleve.Index) (*terms, error) {
	d.mu.Lock()
	old := d.cur
	if old != nil && (!d.stale || d.building || time.Since(d.built) < termsMaxAge) {
		d.mu.Unlock()
		return old, nil
	}
	if old == nil { // nothing to serve meanwhile: callers wait for the first build
		defer d.mu.Unlock()
		return d.store(readTerms(ctx, b))
	}
	d.building = true
	d.mu.Unlock()
	t, err := readTerms(ctx, b)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.building = false
	if err != nil {
		return old, nil
	}
	return d.store(t, nil)
}

// store keeps freshly read terms; mu is held.
func (d *termDictionary) store(t *terms, err error) (*terms, error) {
	if err != nil {
		return nil, err
	}
	d.cur, d.built, d.stale = t, time.Now(), false
	return t, nil
}

// terms maps each folded word of the index to its most frequent accented
// form, one reading of the term dictionary.
type terms struct {
	best map[string]termEntry // folded → most frequent accented form
	keys []string             // folded words, sorted, for prefix completion
	fst  *vellum.FST          // keys → their index in keys, for corrections
}

// termEntry is an accented word and how many documents hold it.
type termEntry struct {
	term  string
	count uint64
}

// readTerms reads the dictionary of b's text field, unless ctx ends.
func readTerms(ctx context.Context, b bleve.Index) (*terms, error) {
	t := &terms{best: map[string]termEntry{}}
	counts := map[string]uint64{}
	d, err := b.FieldDict(fieldText)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	read := 0
	for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
		if read%4096 == 0 && ctx.Err() != nil {
			d.Close()
			return nil, fmt.Errorf("read dictionary: %w", context.Cause(ctx))
		}
		read++
		if isWord(e.Term) {
			counts[e.Term] += e.Count
		}
	}
	if err := d.Close(); err != nil {
		return nil, fmt.Errorf("close dictionary: %w", err)
	}
	for term, n := range counts {
		k := analyzers.Fold(term)
		if cur, ok := t.best[k]; !ok || n > cur.count || (n == cur.count && term < cur.term) {
			t.best[k] = termEntry{term, n}
		}
	}
	t.keys = make([]string, 0, len(t.best))
	for k := range t.best {
		t.keys = append(t.keys, k)
	}
	sort.Strings(t.keys)
	if t.fst, err = buildFST(t.keys); err != nil {
		return nil, err
	}
	return t, nil
}

// buildFST returns the automaton of the sorted keys, each mapped to its
// index.
func buildFST(keys []string) (*vellum.FST, error) {
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return nil, fmt.Errorf("build word automaton: %w", err)
	}
	for i, k := range keys {
		if err := b.Insert([]byte(k), uint64(i)); err != nil {
			return nil, fmt.Errorf("build word automaton: %w", err)
		}
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("build word automaton: %w", err)
	}
	f, err := vellum.Load(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("load word automaton: %w", err)
	}
	return f, nil
}

// isWord keeps letter-only terms (no numbers or document ids) in the
// term dictionary.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return s != ""
}

// withPrefix returns the words whose folded form starts with key, the
// most frequent first.
func (t *terms) withPrefix(key string) []termEntry {
	lo := sort.SearchStrings(t.keys, key)
	var out []termEntry
	for _, k := range t.keys[lo:] {
		if !strings.HasPrefix(k, key) {
			break
		}
		out = append(out, t.best[k])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	return out
}

// correct replaces each word the dictionary does not know with the most
// frequent known word within a small edit distance.
func (t *terms) correct(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		k := analyzers.Fold(w)
		if _, ok := t.best[k]; ok || !isWord(k) {
			continue
		}
		if e, ok := t.nearest(k); ok {
			words[i] = e.term
		}
	}
	return strings.Join(words, " ")
}

// correctionLimit is the largest edit distance a correction of the
// folded word k may be at: 1, 2 for words of six letters or more.
func correctionLimit(k string) int {
	if len(k) >= 6 {
		return 2
	}
	return 1
}

// maxCorrected is the longest folded word correct looks up: no word of
// the language is longer, and the automaton grows with the word.
const maxCorrected = 40

// levenshtein builds the automata that find the words within an edit
// distance of 2 or less of a word (built once: a few milliseconds).
var levenshtein = sync.OnceValues(func() (*lev.LevenshteinAutomatonBuilder, error) {
	return lev.NewLevenshteinAutomatonBuilder(2, false)
})

// nearest finds the most frequent word within edit distance 1 (2 for
// words of six letters or more) of the folded word k, the first in
// sorted order of those as frequent. It walks only the words a
// Levenshtein automaton of k accepts, not the whole dictionary.
func (t *terms) nearest(k string) (termEntry, bool) {
	limit := correctionLimit(k)
	var best termEntry
	if len(k) > maxCorrected || t.fst == nil {
		return best, false
	}
	builder, err := levenshtein()
	if err != nil {
		return best, false
	}
	dfa, err := builder.BuildDfa(k, uint8(limit))
	if err != nil {
		return best, false
	}
	bestDist := limit + 1
	it, err := t.fst.Search(dfa, nil, nil)
	for err == nil {
		_, i := it.Current()
		cand := t.keys[i]
		// The automaton counts edits of characters, editDistance of
		// bytes: they differ only on letters outside ASCII.
		if d := editDistance(k, cand, limit); d <= limit {
			e := t.best[cand]
			if d < bestDist || (d == bestDist && e.count > best.count) {
				best, bestDist = e, d
			}
		}
		err = it.Next()
	}
	return best, bestDist <= limit
}
