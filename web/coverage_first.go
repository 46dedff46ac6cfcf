package web

import (
	"context"
	"net/url"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
	"github.com/vnsearch/vnsearch/search/query"
)

// firstView is the first appearance of a quoted phrase: the earliest
// dated article holding it and how many hold it.
type firstView struct {
	Phrase  string
	Count   string
	Article modelArticle
	Source  string
	All     string // every article holding it, the earliest first
}

// quotedPhrase returns the first phrase the query requires ("…" or
// “…”), or "".
func quotedPhrase(q string) string {
	pq, err := query.Parse(q)
	if err != nil {
		return ""
	}
	for _, c := range pq.Clauses {
		if !c.Not && len(c.Alts) == 1 && c.Alts[0].Phrase {
			return c.Alts[0].Text
		}
	}
	return ""
}

// firstAppearance finds where the query's quoted phrase first appeared
// in the whole index, or nil when the query quotes none, no dated article
// holds it, or the search fails (the results are shown without it).
func (s *Server) firstAppearance(ctx context.Context, q string) *firstView {
	phrase := quotedPhrase(q)
	if phrase == "" {
		return nil
	}
	quoted := `"` + phrase + `"`
	res, err := s.searcher.Search(ctx, search.Request{Query: quoted, Sort: search.SortOldest, Page: 1, Size: 1, Interval: search.IntervalNone})
	if err != nil {
		s.log.Warn("first appearance", "phrase", phrase, "err", err)
		return nil
	}
	if len(res.Hits) == 0 || res.Hits[0].Published.IsZero() {
		return nil
	}
	h := res.Hits[0]
	return &firstView{
		Phrase: phrase, Count: thousands(res.Total), Article: articleLinks(res.Hits[:1])[0], Source: h.Source,
		All: link(url.Values{"q": {quoted}, "sort": {search.SortOldest}}),
	}
}

// valuePage is the page of a facet's value: a directive's or a unit's.
func valuePage(facet, value string) string {
	switch facet {
	case filter.Directive:
		return directivePath(value)
	case filter.Unit:
		return unitPath(value)
	}
	return ""
}

// chart draws the search's timeline: each bar narrows the search to its
// period.
func (v *searchView) chart(tl *search.Timeline) *chartView {
	if tl == nil {
		return nil
	}
	scope := without(v.state, "page", "size", "sort", "group")
	other := search.IntervalYear
	if tl.Interval == search.IntervalYear {
		other = search.IntervalMonth
	}
	return newChart("timeline", "Số bài theo thời gian", oneTimeline("Số bài", tl),
		func(_ int, key string) string { return narrowed(without(v.state, "page", "interval"), key) },
		timelineCSV(scope), v.with(func(s url.Values) { s.Set("interval", other) }))
}
