package metadata

import (
	"time"

	"github.com/vnsearch/vnsearch/analyzers/directive"
	"github.com/vnsearch/vnsearch/analyzers/model"
	"github.com/vnsearch/vnsearch/analyzers/unit"
	"github.com/vnsearch/vnsearch/analyzers/words"
	"github.com/vnsearch/vnsearch/search"
)

// vietnam is Asia/Ho_Chi_Minh, UTC+7 without daylight saving since 1975;
// a fixed zone needs no tz database on the host.
var vietnam = time.FixedZone("ICT", 7*60*60)

// Enrich sets a's Year (the publication year in Vietnam, 0 when undated),
// Units, Directives, Documents, Example and Models from its title, lead and
// body. It replaces what those fields held.
func Enrich(a *search.Article) {
	a.Year = Year(a.Published)
	t := words.New(model.Joined(a.Title, a.Lead, a.Body))
	a.Units = unit.FindIn(t)
	a.Directives = directive.IDsIn(t, a.Published)
	a.Documents = directive.DocumentIDsIn(t)
	a.Example, a.Models = model.ClassifyText(t, a.Title, a.Lead, a.Body)
}

// Year returns the year of t in Vietnam, 0 for the zero time.
func Year(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	return t.In(vietnam).Year()
}
