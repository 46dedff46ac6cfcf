package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerName is the bleve registry name of the syllable tokenizer.
const TokenizerName = "vi_syllable"

// Limits on the document-number tokens: longer chains (paths, URLs) are only
// emitted as their parts.
const (
	maxChainParts = 6
	maxChainBytes = 64
)

// Tokenizer splits text into syllables: runs of letters, combining marks and
// digits, so decomposed text tokenizes exactly like precomposed text. Digit
// groups joined by '.' or ',' ("3,5", "0,79", "1.000.000") are one token.
// Runs joined by '-' or '/' where one of them holds a digit — document numbers
// such as "05-CT/TW", "30/2020/NĐ-CP", but also "2020-2025" and dates — are
// emitted as their parts and whole; the whole token comes right after its
// first part, at the same position, so a phrase may name either, and the
// first token at each position is always a syllable. Terms are slices of the input
// and Start/End are byte offsets in it; case and spelling are left to the
// token filters.
type Tokenizer struct{}

// span is a run's byte range in the input.
type span struct{ start, end int }

// Tokenize implements analysis.Tokenizer.
func (Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	s := newStream(len(input)/5 + 1)
	var partsBuf [maxChainParts + 1]span
	pos := 0
	for i := 0; i < len(input); {
		n := tokenRunLen(input[i:])
		if n == 0 {
			_, size := utf8.DecodeRune(input[i:])
			i += size
			continue
		}
		parts := chain(input, i, n, partsBuf[:0])
		end := parts[len(parts)-1].end
		whole := isDocumentNumber(input[i:end], len(parts))
		for k, p := range parts {
			pos++
			s.add(input, p, pos)
			if k == 0 && whole {
				s.add(input, span{i, end}, pos)
			}
		}
		i = end
	}
	return s.tokens
}

// chain returns the run of n bytes at i and the runs joined to it by single
// '-' or '/' characters.
func chain(input []byte, i, n int, parts []span) []span {
	parts = append(parts, span{i, i + n})
	for j := i + n; j+1 < len(input) && (input[j] == '-' || input[j] == '/'); {
		m := tokenRunLen(input[j+1:])
		if m == 0 {
			break
		}
		parts = append(parts, span{j + 1, j + 1 + m})
		j += 1 + m
	}
	return parts
}

// isDocumentNumber reports whether a chain of parts is emitted whole as well.
func isDocumentNumber(whole []byte, parts int) bool {
	if parts < 2 || parts > maxChainParts || len(whole) > maxChainBytes {
		return false
	}
	for _, c := range whole {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// tokenRunLen is runLen that also joins digit groups separated by '.' or ','.
// A token never starts with a combining mark: a mark with no letter before it
// would fold to nothing.
func tokenRunLen(b []byte) int {
	digits := true
	i := 0
	for i < len(b) {
		c := b[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[i:])
			if !isRunRune(r) || i == 0 && unicode.IsMark(r) {
				break
			}
			digits = false
			i += size
			continue
		}
		switch {
		case asciiAlnum[c]:
			digits = digits && c <= '9'
			i++
		case (c == '.' || c == ',') && digits && i > 0 && i+1 < len(b) && isDigit(b[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// stream builds a token stream, allocating tokens in slabs.
type stream struct {
	slab   []analysis.Token
	tokens analysis.TokenStream
}

func newStream(estimate int) *stream {
	return &stream{
		slab:   make([]analysis.Token, 0, estimate),
		tokens: make(analysis.TokenStream, 0, estimate),
	}
}

// add appends the token for sp at position pos.
func (s *stream) add(input []byte, sp span, pos int) {
	if len(s.slab) == cap(s.slab) {
		s.slab = make([]analysis.Token, 0, cap(s.slab)+16)
	}
	term := input[sp.start:sp.end:sp.end]
	typ := analysis.AlphaNumeric
	if isNumber(term) {
		typ = analysis.Numeric
	}
	s.slab = append(s.slab, analysis.Token{Term: term, Start: sp.start, End: sp.end, Position: pos, Type: typ})
	s.tokens = append(s.tokens, &s.slab[len(s.slab)-1])
}

// isNumber reports whether term is digits with '.' or ',' separators.
func isNumber(term []byte) bool {
	for _, c := range term {
		if !isDigit(c) && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

func tokenizerConstructor(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return Tokenizer{}, nil
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
}
