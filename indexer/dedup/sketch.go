package dedup

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
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
	// MaxPerValue bounds the sketches compared per lookup value: a
	// shingle common to thousands of texts (a credit line, a standard
	// phrase) would otherwise make every new text compare with all of
	// them. On the shared corpus the copies found are the same with or
	// without the bound (BENCHMARKS.md).
	MaxPerValue = 64
	// MinSharedLookups is the number of lookup values a sketch must share
	// with another to be compared with it. Copies of one story share
	// most of their smallest values, while 97 % of the texts found under
	// a lookup value share no other, and comparing them was most of an
	// import's grouping. On the shared corpus a single pair that Same
	// accepts shares one lookup value only: two stories on one official,
	// no copies (BENCHMARKS.md, "Session 13").
	MinSharedLookups = 2
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
	hashes := make([]uint64, 0, len(words)-shingleSize+1)
	for i := 0; i+shingleSize <= len(words); i++ {
		hashes = append(hashes, shingleHash(words[i:i+shingleSize]))
	}
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	// A copy: the sketch outlives the text's hashes (an import keeps the
	// sketch of every article it reads).
	return Sketch(slices.Clone(hashes[:min(SketchSize, len(hashes))])), true
}

// shingleHash is the 64-bit FNV-1a hash of words joined by spaces, as
// hash/fnv's New64a would sum it.
func shingleHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, w := range words {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b: among the smallest values of their union, the share found in both.
func Similarity(a, b Sketch) float64 {
	both, k := overlap(a, b, 0)
	if k == 0 {
		return 0
	}
	return float64(both) / float64(k)
}

// Same reports whether a and b are sketches of copies of one story. It
// stops comparing once too few values are left to reach MinSimilarity
// (most candidates differ from the first values on).
func Same(a, b Sketch) bool {
	both, k := overlap(a, b, MinSimilarity)
	return k > 0 && float64(both)/float64(k) >= MinSimilarity
}

// overlap counts the values among the k smallest of a's and b's union
// found in both, and gives up (returning what it counted) as soon as the
// values left could no longer make the share reach atLeast.
func overlap(a, b Sketch, atLeast float64) (both, k int) {
	k = min(SketchSize, len(a), len(b))
	// both+k-n is at most what the share can reach, times k: below
	// atLeast·k, and so below its ceiling, it cannot reach atLeast.
	need := int(math.Ceil(atLeast * float64(k)))
	i, j := 0, 0
	for n := 0; n < k && i < len(a) && j < len(b); n++ {
		if both+k-n < need {
			return both, k
		}
		// Without branches (the compiler selects each step): which list
		// holds the smaller value is what a branch would mispredict.
		x, y := a[i], b[j]
		both += oneIf(x == y)
		i += oneIf(x <= y)
		j += oneIf(y <= x)
	}
	return both, k
}

// oneIf is 1 if b, else 0 (compiled to a flag set, without a branch).
func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// foldedWords lowercases text, removes diacritics (đ becomes d) and splits
// it on anything that is not a letter or digit.
func foldedWords(text string) []string {
	buf := make([]byte, 0, len(text))
	for _, r := range text {
		if int(r) < len(foldTable) {
			buf = append(buf, foldTable[r]...)
		} else {
			buf = append(buf, foldRune(r)...)
		}
	}
	return strings.Fields(string(buf))
}

// foldTable holds foldRune of the runes below U+2000 (Latin with every
// Vietnamese letter, combining marks, punctuation), computed once.
var foldTable = func() []string {
	t := make([]string, 0x2000)
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// foldRune is what foldedWords makes of one rune: its lowercase
// decomposed letters and digits without their marks, đ as d, and a space
// for anything else. Combining marks fold to nothing, whether they follow
// a precomposed letter's base or come decomposed in the text.
func foldRune(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case d == 'đ':
			b.WriteByte('d')
		case unicode.IsLetter(d) || unicode.IsDigit(d):
			b.WriteRune(d)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
