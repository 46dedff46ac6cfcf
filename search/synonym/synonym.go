package synonym

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/vnsearch/vnsearch/analyzers"
)

//go:embed vocabulary.txt
var defaultVocabulary string

// maxFormWords bounds the length of a form.
const maxFormWords = 16

// Vocabulary maps word sequences to their equivalent forms.
type Vocabulary struct {
	forms   map[string][]string // folded form → every form of its set, as written
	longest int                 // words in the longest form
	sets    int

	// For the index-time filter, forms as the folded analyzer spells them:
	keyOf   map[string]string      // form's terms joined by spaces → set key
	byFirst map[string][]indexForm // first term → forms, longest first
}

var errNotDefault = errors.New("vi_folded is not a bleve DefaultAnalyzer")

// Default returns the vocabulary shipped with vnsearch.
func Default() *Vocabulary {
	v, err := Parse(strings.NewReader(defaultVocabulary))
	if err != nil {
		panic(fmt.Sprintf("shipped vocabulary: %v", err)) // caught by the package tests
	}
	return v
}

// Parse reads a vocabulary file: one set of forms a line, separated by
// " = ", "#" comments. Each set also gets the forms written by swapping a
// form of another set found inside one of its forms (see derive).
func Parse(r io.Reader) (*Vocabulary, error) {
	sets, err := parseSets(r)
	if err != nil {
		return nil, err
	}
	v := &Vocabulary{forms: map[string][]string{}, keyOf: map[string]string{}, byFirst: map[string][]indexForm{}}
	for _, set := range derive(sets) {
		for _, f := range set {
			words := Words(f)
			v.forms[strings.Join(words, " ")] = set
			v.longest = max(v.longest, len(words))
		}
		v.fileForIndex(set)
		v.sets++
	}
	return v, nil
}

// parseSets reads the sets of forms of a vocabulary file, each form in at
// most one set.
func parseSets(r io.Reader) ([][]string, error) {
	var sets [][]string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var set []string
		for _, f := range strings.Split(text, " = ") {
			if f = strings.TrimSpace(f); f != "" {
				set = append(set, f)
			}
		}
		if len(set) < 2 {
			return nil, fmt.Errorf("vocabulary line %d: want two or more forms separated by \" = \"", line)
		}
		for _, f := range set {
			words := Words(f)
			if len(words) == 0 || len(words) > maxFormWords {
				return nil, fmt.Errorf("vocabulary line %d: form %q must have 1 to %d words", line, f, maxFormWords)
			}
			key := strings.Join(words, " ")
			if seen[key] {
				return nil, fmt.Errorf("vocabulary line %d: form %q is already in another set", line, f)
			}
			seen[key] = true
		}
		sets = append(sets, set)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	return sets, nil
}

// fileForIndex files the forms of a set for the index-time filter.
func (v *Vocabulary) fileForIndex(set []string) {
	key := setKey(set)
	for _, f := range set {
		terms := tokenKey(f)
		if len(terms) == 0 {
			continue
		}
		v.keyOf[strings.Join(terms, " ")] = key
		forms := append(v.byFirst[terms[0]], indexForm{terms: terms, key: key})
		sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].terms) > len(forms[j].terms) })
		v.byFirst[terms[0]] = forms
	}
}

// Len is the number of sets of equivalent forms.
func (v *Vocabulary) Len() int { return v.sets }

// Words splits text into folded words for matching: lowercase, no
// diacritics, punctuation trimmed from the edges, punctuation-only words
// dropped.
func Words(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(analyzers.Fold(w), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Match is a form found in a word sequence: words[Start:End] can be
// replaced by any of Alts.
type Match struct {
	Start, End int
	Alts       []string
	// Key is the term the index holds at every form of the set (see
	// Filter), "" when the index-time vocabulary lacks the form found;
	// Uncovered are the Alts the index does not file under Key, which a
	// query must look for as phrases.
	Key       string
	Uncovered []string
}

// Find returns the forms found in words (as Words returns them), longest
// first from left to right, without overlaps.
func (v *Vocabulary) Find(words []string) []Match {
	if v == nil {
		return nil
	}
	var out []Match
	for i := 0; i < len(words); {
		n := min(v.longest, len(words)-i)
		for ; n > 0; n-- {
			key := strings.Join(words[i:i+n], " ")
			if set, ok := v.forms[key]; ok {
				m := Match{Start: i, End: i + n, Alts: others(set, key), Key: Key(key)}
				for _, alt := range m.Alts {
					if m.Key == "" || Key(alt) != m.Key {
						m.Uncovered = append(m.Uncovered, alt)
					}
				}
				out = append(out, m)
				break
			}
		}
		i += max(n, 1)
	}
	return out
}

// others returns the forms of set except the one that folds to key.
func others(set []string, key string) []string {
	out := make([]string, 0, len(set)-1)
	for _, f := range set {
		if strings.Join(Words(f), " ") != key {
			out = append(out, f)
		}
	}
	return out
}
