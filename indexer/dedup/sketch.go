package dedup

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const (
	shingleSize = 3
	// SketchSize is the number of minimum shingle hashes kept per text.
	// Measured on the shared corpus (BENCHMARKS.md), 64 separates copies
	// from different stories where 16 and 32 do not.
	SketchSize = 64
	// LookupSize is the number of a sketch's smallest values under which it
	// is filed for candidate lookup: copies share some of them.
	LookupSize = 16
	// MinWords is the number of words below which a text gets no sketch:
	// short texts (a caption, a one-line brief) collide too easily.
	MinWords = 40
	// MinSimilarity is the estimated share of common shingles above which
	// two texts are copies of one story.
	MinSimilarity = 0.5
)

// Sketch is a bottom-k MinHash of a text: the SketchSize smallest hashes of
// its three-word shingles, ascending. Two sketches estimate the Jaccard
// similarity of the shingle sets, and copies of one story share some of
// their smallest values, which makes candidates cheap to look up.
type Sketch []uint64

// Lookup returns the values the sketch is filed and looked up under.
func (s Sketch) Lookup() []uint64 { return s[:min(LookupSize, len(s))] }

// MarshalJSON writes the sketch as base64 of its big-endian values.
func (s Sketch) MarshalJSON() ([]byte, error) {
	raw := make([]byte, 0, 8*len(s))
	for _, v := range s {
		raw = binary.BigEndian.AppendUint64(raw, v)
	}
	return json.Marshal(raw)
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (s *Sketch) UnmarshalJSON(data []byte) error {
	var raw []byte
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	if len(raw)%8 != 0 {
		return fmt.Errorf("sketch of %d bytes, not a multiple of 8", len(raw))
	}
	out := make(Sketch, len(raw)/8)
	for i := range out {
		out[i] = binary.BigEndian.Uint64(raw[8*i:])
	}
	*s = out
	return nil
}

// Fingerprint returns the sketch of text over shingles of three folded
// words, and false when text has fewer than MinWords words.
func Fingerprint(text string) (Sketch, bool) {
	words := foldedWords(text)
	if len(words) < MinWords {
		return nil, false
	}
	seen := make(map[uint64]bool, len(words))
	hashes := make([]uint64, 0, len(words))
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+shingleSize], " ")))
		if sum := h.Sum64(); !seen[sum] {
			seen[sum] = true
			hashes = append(hashes, sum)
		}
	}
	slices.Sort(hashes)
	return Sketch(hashes[:min(SketchSize, len(hashes))]), true
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b: among the smallest values of their union, the share found in both.
func Similarity(a, b Sketch) float64 {
	k := min(SketchSize, len(a), len(b))
	if k == 0 {
		return 0
	}
	both, i, j := 0, 0, 0
	for n := 0; n < k && i < len(a) && j < len(b); n++ {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(k)
}

// Same reports whether a and b are sketches of copies of one story.
func Same(a, b Sketch) bool { return Similarity(a, b) >= MinSimilarity }

// foldedWords lowercases text, removes diacritics (đ becomes d) and splits
// it on anything that is not a letter or digit.
func foldedWords(text string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Fields(b.String())
}
