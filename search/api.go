package search

import (
	"errors"
	"time"

	"github.com/vnsearch/vnsearch/search/filter"
)

// Sentinel errors callers branch on.
var (
	// ErrNotFound is returned when an article id is not in the index.
	ErrNotFound = errors.New("not found")
	// ErrBadQuery wraps every error caused by the user's query or request
	// (a 4xx, never a 500).
	ErrBadQuery = errors.New("bad query")
)

// Sort orders of a search.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Limits applied to every request; larger values are clamped.
const (
	DefaultSize   = 10
	MaxSize       = 100
	MaxPage       = 1000
	MaxQueryBytes = 1024
)

// Filters narrow a search, as package filter's table defines them. They
// combine with AND between filters and OR within one (Keywords["unit"]:
// ["A", "B"] matches either).
type Filters struct {
	Keywords map[string][]string // the Keywords filters' values, by filter name
	YearFrom int                 // inclusive, 0 = open
	YearTo   int                 // inclusive, 0 = open
	From, To time.Time
	Example  *bool
}

// With returns a copy of f whose keyword filter name holds values (none:
// the filter removed); f itself is left alone.
func (f Filters) With(name string, values ...string) Filters {
	kw := make(map[string][]string, len(f.Keywords)+1)
	for k, v := range f.Keywords {
		kw[k] = v
	}
	if len(values) == 0 {
		delete(kw, name)
	} else {
		kw[name] = values
	}
	f.Keywords = kw
	return f
}

// Empty reports whether f narrows nothing.
func (f Filters) Empty() bool {
	for _, v := range f.Keywords {
		if len(v) > 0 {
			return false
		}
	}
	return f.YearFrom == 0 && f.YearTo == 0 && f.From.IsZero() && f.To.IsZero() && f.Example == nil
}

// Request is one search.
type Request struct {
	Query   string
	Filters Filters
	Sort    string // SortRelevance (default), SortNewest or SortOldest
	Page    int    // 1-based
	Size    int
	// GroupSyndicated collapses copies of one story to its earliest
	// publication ("who said it first").
	GroupSyndicated bool
	// Interval of the result's timeline: IntervalAuto (""),
	// IntervalMonth, IntervalYear or IntervalNone.
	Interval string
}

// Result is the answer to a Request, in the shape of the HTTP API.
type Result struct {
	Query      string             `json:"query"`
	Total      uint64             `json:"total"`
	TookMS     float64            `json:"took_ms"`
	Page       int                `json:"page"`
	Size       int                `json:"size"`
	Hits       []Hit              `json:"hits"`
	Facets     map[string][]Facet `json:"facets"`
	Suggestion string             `json:"suggestion,omitempty"`
	// Match says how the hits match the query: MatchExact, MatchNear or
	// MatchRelaxed.
	Match    string    `json:"match"`
	Timeline *Timeline `json:"timeline,omitempty"`
}

// Hit is one matching article with its highlighted snippets.
type Hit struct {
	ID         string    `json:"id"`
	URL        string    `json:"url"`
	Title      string    `json:"title"`
	Source     string    `json:"source"`
	Published  time.Time `json:"published,omitzero"`
	Snippets   []string  `json:"snippets"` // HTML: escaped text, matches in <mark>
	Score      float64   `json:"score"`
	Units      []string  `json:"units"`
	Directives []string  `json:"directives"`
	Example    bool      `json:"example"`
	Models     []string  `json:"models,omitempty"`
	Group      string    `json:"group,omitempty"`
	// Copies counts the other articles of the same syndication group
	// folded into this hit when GroupSyndicated is set.
	Copies int `json:"copies,omitempty"`
}

// Facet is one value of a facet with the number of matching articles.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// Facet names in Result.Facets: the names of package filter's faceted
// filters.
const (
	FacetUnit      = filter.Unit
	FacetYear      = filter.Year
	FacetDirective = filter.Directive
	FacetDocument  = filter.Document
	FacetSource    = filter.Source
	FacetModel     = filter.Model
)

// Directive describes one party directive of the catalog, with the number
// of indexed articles that reference it.
type Directive struct {
	ID     string `json:"id"`   // canonical id, e.g. "05-CT/TW"
	Kind   string `json:"kind"` // "Chỉ thị", "Nghị quyết", "Kết luận", "Quy định", …
	Number string `json:"number"`
	Issuer string `json:"issuer,omitempty"` // "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"
	Date   string `json:"date,omitempty"`   // YYYY-MM-DD
	Title  string `json:"title,omitempty"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}
