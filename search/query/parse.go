package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/search/filter"
)

// Limits on any input: a query over MaxClauses clauses or MaxFilters
// filters is refused (dropping the rest would widen the results); a term
// longer than MaxTermRune runes is cut.
const (
	MaxClauses  = 32 // clauses (words, phrases, OR groups)
	MaxFilters  = 16 // filters
	MaxTermRune = 256
)

// ErrSyntax wraps every parse error.
var ErrSyntax = errors.New("query syntax")

// Term is a word or a quoted phrase.
type Term struct {
	Text   string
	Phrase bool
}

// Clause is one conjunct: any of Alts must match (one alternative unless
// the user wrote OR), or none of them when Not is set.
type Clause struct {
	Not  bool
	Alts []Term
}

// Filter restricts results by a metadata field, one of package filter's
// table that the language accepts. Year filters carry their range in
// YearFrom..YearTo (inclusive); Bool filters their value in Value ("true" or
// "false").
type Filter struct {
	Field            string
	Value            string
	Not              bool
	YearFrom, YearTo int
}

// Query is a parsed query: all clauses and all filters must hold.
type Query struct {
	Clauses []Clause
	Filters []Filter
}

// Empty reports whether the query has neither text nor filters.
func (q *Query) Empty() bool { return len(q.Clauses) == 0 && len(q.Filters) == 0 }

// Positive reports whether the query has a clause that must match (not
// only exclusions).
func (q *Query) Positive() bool {
	for _, c := range q.Clauses {
		if !c.Not {
			return true
		}
	}
	return false
}

// token is a lexical item: a word, a phrase, OR, or a filter.
type token struct {
	text   string
	phrase bool
	not    bool
	or     bool
	field  string // set for filters
}

// Parse parses s. Invalid UTF-8 is replaced, never rejected here.
func Parse(s string) (*Query, error) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	q := &Query{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.or:
			continue // an OR not between two terms is dropped
		case t.field != "":
			if len(q.Filters) == MaxFilters {
				return nil, fmt.Errorf("%w: more than %d filters", ErrSyntax, MaxFilters)
			}
			f, err := parseFilter(t)
			if err != nil {
				return nil, err
			}
			q.Filters = append(q.Filters, f)
		default:
			c := Clause{Not: t.not, Alts: []Term{{Text: t.text, Phrase: t.phrase}}}
			for i+2 < len(toks) && toks[i+1].or && isOrOperand(toks[i+2]) && !t.not {
				n := toks[i+2]
				c.Alts = append(c.Alts, Term{Text: n.text, Phrase: n.phrase})
				i += 2
			}
			if len(q.Clauses) == MaxClauses {
				return nil, fmt.Errorf("%w: more than %d words, phrases or OR groups", ErrSyntax, MaxClauses)
			}
			q.Clauses = append(q.Clauses, c)
		}
	}
	return q, nil
}

func isOrOperand(t token) bool { return !t.or && t.field == "" && !t.not }

// lex splits s into tokens.
func lex(s string) ([]token, error) {
	var toks []token
	for len(s) > 0 {
		if len(toks) > 2*(MaxClauses+MaxFilters) {
			return nil, fmt.Errorf("%w: more than %d words, phrases or OR groups", ErrSyntax, MaxClauses)
		}
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			s = s[size:]
			continue
		}
		var t token
		if r == '-' && len(s) > size && !startsSpace(s[size:]) {
			t.not = true
			s = s[size:]
		}
		if field, rest, ok := filterPrefix(s); ok {
			if d, ok := filter.Lookup(field); !ok || !d.Language {
				return nil, fmt.Errorf("%w: unknown filter %q (known: %s)", ErrSyntax, field, strings.Join(filter.Names(true), ", "))
			}
			t.field = field
			t.text, _, s = readValue(rest)
			toks = append(toks, t)
			continue
		}
		t.text, t.phrase, s = readValue(s)
		if !t.phrase && !t.not && t.text == "OR" {
			t.or = true
		}
		if t.text == "" || (!t.phrase && !hasWordChar(t.text)) {
			continue
		}
		toks = append(toks, t)
	}
	return toks, nil
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// filterPrefix recognizes "name:" where name is ASCII letters and a value
// follows.
func filterPrefix(s string) (field, rest string, ok bool) {
	i := 0
	for i < len(s) && i < 16 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == 0 || i >= len(s)-1 || s[i] != ':' || startsSpace(s[i+1:]) {
		return "", "", false
	}
	return strings.ToLower(s[:i]), s[i+1:], true
}

// readValue reads a quoted phrase or a bare word from the start of s and
// returns it with the rest of s.
func readValue(s string) (text string, phrase bool, rest string) {
	r, size := utf8.DecodeRuneInString(s)
	if closing, ok := closingQuote(r); ok {
		body := s[size:]
		end := strings.IndexFunc(body, func(c rune) bool { return c == closing || c == '"' })
		if end < 0 {
			return clip(strings.TrimSpace(body)), true, ""
		}
		_, csize := utf8.DecodeRuneInString(body[end:])
		return clip(strings.TrimSpace(body[:end])), true, body[end+csize:]
	}
	end := strings.IndexFunc(s, func(c rune) bool {
		_, q := closingQuote(c)
		return unicode.IsSpace(c) || q
	})
	if end < 0 {
		end = len(s)
	}
	return clip(s[:end]), false, s[end:]
}

// closingQuote returns the quote that closes an opening quote r.
func closingQuote(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '“':
		return '”', true
	case '„':
		return '”', true
	case '«':
		return '»', true
	}
	return 0, false
}

// clip bounds a term to MaxTermRune runes.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxTermRune {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxTermRune {
			return s[:i]
		}
		n++
	}
	return s
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func parseFilter(t token) (Filter, error) {
	f := Filter{Field: t.field, Value: strings.TrimSpace(t.text), Not: t.not}
	if f.Value == "" {
		return f, fmt.Errorf("%w: filter %s: has no value", ErrSyntax, f.Field)
	}
	d, _ := filter.Lookup(f.Field)
	switch d.Kind {
	case filter.Years:
		from, to, err := filter.ParseYears(f.Value)
		if err != nil {
			return f, fmt.Errorf("%w: %s:%s: %w", ErrSyntax, f.Field, f.Value, err)
		}
		f.YearFrom, f.YearTo = from, to
	case filter.Bool:
		b, err := filter.ParseBool(f.Value)
		if err != nil {
			return f, fmt.Errorf("%w: %s:%s: %w", ErrSyntax, f.Field, f.Value, err)
		}
		f.Value = strconv.FormatBool(b)
	}
	return f, nil
}
