package words

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers"
)

// MaxBytes bounds the text a recognizer looks at: a longer text is cut
// before it, at a word boundary (see Bound). News articles are far shorter; the
// bound keeps the work per text finite on junk input.
const MaxBytes = 1 << 20

// Word is one run of letters, combining marks and digits.
type Word struct {
	Fold       string // analyzers.Fold of the word: "chi", "thi", "05", "qdi"
	Start, End int    // byte offsets in the text
	Cap        bool   // the first letter is upper case ("Quế", "UBND")
	Upper      bool   // every letter is upper case and there is at least one
	Digits     bool   // the word is all ASCII digits
}

// Split returns the words of text (at most MaxBytes of it).
func Split(text string) []Word {
	text = Bound(text)
	ws := make([]Word, 0, len(text)/6)
	c := shapeCaches.Get().(*shapeCache)
	defer shapeCaches.Put(c)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !inWord(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !inWord(r) {
				break
			}
			j += size
		}
		ws = append(ws, newWord(text, i, j, c))
		i = j
	}
	return ws
}

// Bound cuts text to at most MaxBytes, before the word the cut would
// fall inside, so no recognizer reads a part of a word ("Nin" of "Ninh")
// for a word.
func Bound(text string) string {
	if len(text) <= MaxBytes {
		return text
	}
	cut := MaxBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if r, _ := utf8.DecodeRuneInString(text[cut:]); !inWord(r) {
		return text[:cut]
	}
	for cut > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:cut])
		if !inWord(r) {
			break
		}
		cut -= size
	}
	return text[:cut]
}

func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func newWord(text string, start, end int, c *shapeCache) Word {
	sh := c.shapeOf(text[start:end])
	return Word{Fold: sh.fold, Start: start, End: end, Cap: sh.cap, Upper: sh.upper, Digits: sh.digits}
}

// shape is what a word is apart from where it stands.
type shape struct {
	fold               string
	cap, upper, digits bool
}

// shapeCache holds the shapes of the words a goroutine split last: a
// language repeats its syllables, from one text to the next as within
// one, and folding a word and reading its letters' cases was a tenth of
// the metadata of an import. Each Split takes a cache from shapeCaches
// and puts it back, so a worker splitting text after text keeps one, in
// its core's memory caches (a table shared by the workers missed them).
type shapeCache struct {
	m map[string]shape
}

// maxCachedShapes bounds a cache: it is emptied when it holds as many.
const maxCachedShapes = 1 << 15

var shapeCaches = sync.Pool{New: func() any { return &shapeCache{m: make(map[string]shape, 1024)} }}

// shapeOf returns the shape of word s, from c when c holds it (c may be
// nil).
func (c *shapeCache) shapeOf(s string) shape {
	if c != nil {
		if sh, ok := c.m[s]; ok {
			return sh
		}
	}
	sh := shape{fold: analyzers.Fold(s), digits: true}
	letters, upper := 0, 0
	for k, r := range s {
		if r < '0' || r > '9' {
			sh.digits = false
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			if letters == 1 && k == 0 {
				sh.cap = true
			}
		}
	}
	sh.upper = letters > 0 && upper == letters
	if c != nil {
		if len(c.m) >= maxCachedShapes {
			clear(c.m)
		}
		c.m[strings.Clone(s)] = sh // the text must not live on in the cache
	}
	return sh
}

// Gap returns what separates words a and b in text with spaces other than
// line breaks removed and every dash written "-": "" for plain spacing,
// "," for ", ", "-" for " – ", "\n" across a line break.
func Gap(text string, a, b Word) string {
	g := text[a.End:b.Start]
	if g == " " {
		return ""
	}
	if t := strings.Trim(g, " "); len(t) == 1 && t[0] < utf8.RuneSelf && t[0] != '\n' && t[0] != '\t' && t[0] != '\r' {
		return t // ", ", "-", "/": the common cases, without allocating
	}
	if strings.TrimSpace(g) == "" && !strings.Contains(g, "\n") {
		return ""
	}
	var sb strings.Builder
	for _, r := range g {
		switch {
		case r == '\n':
			sb.WriteByte('\n')
		case unicode.IsSpace(r):
		case r == '‐' || r == '‑' || r == '–' || r == '—' || r == '−':
			sb.WriteByte('-')
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// Key folds a phrase written in a table ("Chỉ thị", "Thị ủy") into the
// space-joined form its words take: "chi thi", "thi uy".
func Key(phrase string) string {
	ws := Split(phrase)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Fold
	}
	return strings.Join(parts, " ")
}

// Joined returns the folded forms of ws[i:j] joined by single spaces.
func Joined(ws []Word, i, j int) string {
	var sb strings.Builder
	for k := i; k < j && k < len(ws); k++ {
		if k > i {
			sb.WriteByte(' ')
		}
		sb.WriteString(ws[k].Fold)
	}
	return sb.String()
}
