// Package filter is the one table of the filters a search can carry: for
// each, its name (the URL parameter and the query-language prefix), the
// index fields it matches and facets on, how its values are read, and the
// heading of its facet on the page. The query language, the HTTP
// parameters, the compiler and the page all read this table, so a filter
// means the same thing wherever it is typed.
package filter

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrValue wraps every error about a filter value.
var ErrValue = errors.New("invalid filter value")

// Kind says how a filter's values are read and matched.
type Kind int

const (
	// Keywords match any of several values, each mapped to index terms
	// by the filter's Canon.
	Keywords Kind = iota
	// Years match a publication year or an inclusive range: 2023,
	// 2020..2023, 2020.., ..2023.
	Years
	// Bool matches a boolean field: yes or no (true/false, có/không…).
	Bool
	// Day bounds the publication date (YYYY-MM-DD, Vietnam time): From
	// from the start of its day, To to the end of its day.
	Day
)

// Canon names how a typed keyword becomes the index's terms.
type Canon int

const (
	// AsTyped matches the value exactly as typed.
	AsTyped Canon = iota
	// UnitName folds a unit's name to its canonical key, however typed.
	UnitName
	// DirectiveRef resolves a directive reference ("CT 05", "05-CT/TW")
	// to canonical ids.
	DirectiveRef
	// ModelName maps a model's name to the folded key of its canonical
	// name.
	ModelName
)

// Def defines one filter.
type Def struct {
	Name       string // URL parameter and query-language name: unit:…, ?unit=…
	Kind       Kind
	Canon      Canon  // Keywords only: how values become terms
	Field      string // the index field a value is matched against
	FacetField string // the index field its facet counts; "" for no facet
	FacetSize  int    // values its facet returns
	Title      string // heading of its facet and of its chip on the page
	Language   bool   // it may be written in the query language (name:value)
}

// Names of the filters, for code that needs one by name.
const (
	Directive = "directive"
	Unit      = "unit"
	Year      = "year"
	Source    = "source"
	Model     = "model"
	Document  = "document"
	Example   = "example"
	From      = "from"
	To        = "to"
)

// Table lists every filter, in the order the page shows their facets.
var Table = []Def{
	{Name: Directive, Kind: Keywords, Canon: DirectiveRef, Field: "directives", FacetField: "directives", FacetSize: 20,
		Title: "Văn bản chỉ đạo", Language: true},
	{Name: Unit, Kind: Keywords, Canon: UnitName, Field: "unit_keys", FacetField: "units", FacetSize: 20,
		Title: "Đơn vị", Language: true},
	{Name: Year, Kind: Years, Field: "year", FacetField: "year", FacetSize: 30, Title: "Năm", Language: true},
	{Name: Source, Kind: Keywords, Field: "source", FacetField: "source", FacetSize: 20, Title: "Nguồn", Language: true},
	{Name: Model, Kind: Keywords, Canon: ModelName, Field: "model_keys", FacetField: "models", FacetSize: 20,
		Title: "Mô hình, phong trào", Language: true},
	{Name: Document, Kind: Keywords, Field: "documents", FacetField: "documents", FacetSize: 20,
		Title: "Văn bản pháp luật", Language: true},
	{Name: Example, Kind: Bool, Field: "example", Title: "Điển hình", Language: true},
	{Name: From, Kind: Day, Field: "published", Title: "Từ ngày"},
	{Name: To, Kind: Day, Field: "published", Title: "Đến ngày"},
}

// Lookup returns the filter named name.
func Lookup(name string) (Def, bool) {
	for _, d := range Table {
		if d.Name == name {
			return d, true
		}
	}
	return Def{}, false
}

// Names lists the filters' names in table order; with language set, only
// those the query language accepts.
func Names(language bool) []string {
	var out []string
	for _, d := range Table {
		if !language || d.Language {
			out = append(out, d.Name)
		}
	}
	return out
}

// Faceted lists the filters that have a facet, in table order.
func Faceted() []Def {
	var out []Def
	for _, d := range Table {
		if d.FacetField != "" {
			out = append(out, d)
		}
	}
	return out
}

// YearMin and YearMax bound the years a filter accepts.
const (
	YearMin = 1900
	YearMax = 2100
)

// ParseYears reads "2023" or "2020..2023" (either end may be left open:
// "2020.." or "..2023").
func ParseYears(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	lo, hi, isRange := strings.Cut(s, "..")
	if !isRange {
		hi = lo
	}
	if from, err = parseYear(lo, isRange); err != nil {
		return 0, 0, err
	}
	if to, err = parseYear(hi, isRange); err != nil {
		return 0, 0, err
	}
	if from == 0 && to == 0 {
		return 0, 0, fmt.Errorf("%w: year %q has no year", ErrValue, s)
	}
	if from != 0 && to != 0 && from > to {
		return 0, 0, fmt.Errorf("%w: year range %q runs backwards", ErrValue, s)
	}
	return from, to, nil
}

func parseYear(s string, open bool) (int, error) {
	if s == "" && open {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < YearMin || y > YearMax {
		return 0, fmt.Errorf("%w: year %q is not a year between %d and %d", ErrValue, s, YearMin, YearMax)
	}
	return y, nil
}

// ParseBool reads yes or no, in English or Vietnamese, with or without
// diacritics.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true", "1", "on", "co", "có":
		return true, nil
	case "no", "false", "0", "off", "khong", "không":
		return false, nil
	}
	return false, fmt.Errorf("%w: %q: want yes or no", ErrValue, s)
}

// Vietnam is the zone of days given without one (no daylight saving).
var Vietnam = time.FixedZone("ICT", 7*60*60)

// ParseDay reads a day YYYY-MM-DD in Vietnam's time zone; with end set it
// returns the last instant of that day.
func ParseDay(s string, end bool) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), Vietnam)
	if err != nil {
		return t, fmt.Errorf("%w: %q is not a date YYYY-MM-DD", ErrValue, s)
	}
	if end {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}
