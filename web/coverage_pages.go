package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// errNoSuch is a directive or unit the index does not know: a 404.
func errNoSuch(what, name string) error {
	return fmt.Errorf("%s %q: %w", what, name, search.ErrNotFound)
}

// directiveReport is the answer of /api/directives/{id}.
type directiveReport struct {
	Directive search.Directive `json:"directive"`
	Articles  uint64           `json:"articles"`
	Timeline  *search.Timeline `json:"timeline"`
	Units     []search.Facet   `json:"units"`
	Sources   []search.Facet   `json:"sources"`
	Examples  []articleRef     `json:"examples"`
	Newest    []articleRef     `json:"newest"`
	Search    string           `json:"search"` // the page of every article
}

// directiveRef is the filter value that matches one directive's id and no
// other: a catalog document with a date is named with its year
// ("05-CT/TW@2016"), since the bare symbol also stands for the documents
// of other terms that carry the same number.
func directiveRef(d search.Directive) string {
	if d.Date != "" && !strings.Contains(d.ID, "@") && len(d.Date) >= 4 {
		return d.ID + "@" + d.Date[:4]
	}
	return d.ID
}

// directive finds the directive of the path and its articles.
func (s *Server) directive(c *gin.Context) (search.Directive, *coverage, error) {
	id, err := pathName(c, "id")
	if err != nil {
		return search.Directive{}, nil, err
	}
	interval, err := pageInterval(c)
	if err != nil {
		return search.Directive{}, nil, err
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	ds, err := s.searcher.Directives(ctx)
	if err != nil {
		return search.Directive{}, nil, err
	}
	i := slices.IndexFunc(ds, func(d search.Directive) bool { return d.ID == id })
	if i < 0 {
		return search.Directive{}, nil, errNoSuch("directive", id)
	}
	cv, err := s.coverageOf(ctx, "directive", directiveRef(ds[i]), interval)
	return ds[i], cv, err
}

// apiDirective answers GET /api/directives/{id}.
func (s *Server) apiDirective(c *gin.Context) {
	d, cv, err := s.directive(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	c.JSON(http.StatusOK, directiveReport{
		Directive: d, Articles: cv.main.Total, Timeline: cv.main.Timeline,
		Units: facetOf(cv.main, search.FacetUnit, coverageLeading), Sources: facetOf(cv.main, search.FacetSource, coverageLeading),
		Examples: articleRefs(cv.examples.Hits), Newest: articleRefs(cv.main.Hits), Search: link(cv.scope()),
	})
}

// directiveView is the data of a directive's page.
type directiveView struct {
	coverageView
	D       search.Directive
	Date    string // dd/mm/yyyy
	Units   []linkView
	Sources []linkView
}

// directivePage answers GET /directives/{id}.
func (s *Server) directivePage(c *gin.Context) {
	if toList(c, "id", "/directives") {
		return
	}
	d, cv, err := s.directive(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := directiveView{D: d}
	v.Title = directiveHeading(d)
	if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
		v.Date = t.Format("02/01/2006")
	}
	v.fill(cv, "Số bài nhắc đến "+d.ID+" theo thời gian", directivePath(d.ID))
	v.Units = cv.breakdown(search.FacetUnit, unitPath)
	v.Sources = cv.breakdown(search.FacetSource, nil)
	s.render(c, http.StatusOK, s.pages.directive, v)
}

// directiveHeading is a directive's heading: its label, else its id.
func directiveHeading(d search.Directive) string {
	if d.Label != "" {
		return d.Label
	}
	return d.ID
}

// unitReport is the answer of /api/units/{name}.
type unitReport struct {
	Name       string           `json:"name"` // the canonical name
	Articles   uint64           `json:"articles"`
	Timeline   *search.Timeline `json:"timeline"`
	Directives []search.Facet   `json:"directives"`
	Models     []search.Facet   `json:"models"`
	Sources    []search.Facet   `json:"sources"`
	Examples   []articleRef     `json:"examples"`
	Newest     []articleRef     `json:"newest"`
	Search     string           `json:"search"`
}

// unit resolves the unit of the path, however typed, to its canonical
// name, and finds its articles.
func (s *Server) unit(c *gin.Context) (string, *coverage, error) {
	typed, err := pathName(c, "name")
	if err != nil {
		return "", nil, err
	}
	interval, err := pageInterval(c)
	if err != nil {
		return "", nil, err
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	cv, err := s.coverageOf(ctx, "unit", typed, interval)
	if err != nil {
		return "", nil, err
	}
	name := canonicalUnit(cv.main, typed)
	if name == "" {
		return "", nil, errNoSuch("unit", typed)
	}
	cv.value = name
	return name, cv, nil
}

// canonicalUnit is the unit of res's unit facet that typed names (the one
// with the same key), or "" when res has none.
func canonicalUnit(res *search.Result, typed string) string {
	key := search.UnitKey(typed)
	for _, f := range res.Facets[search.FacetUnit] {
		if search.UnitKey(f.Value) == key {
			return f.Value
		}
	}
	return ""
}

// apiUnit answers GET /api/units/{name}.
func (s *Server) apiUnit(c *gin.Context) {
	name, cv, err := s.unit(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	c.JSON(http.StatusOK, unitReport{
		Name: name, Articles: cv.main.Total, Timeline: cv.main.Timeline,
		Directives: facetOf(cv.main, search.FacetDirective, coverageLeading),
		Models:     facetOf(cv.main, search.FacetModel, coverageLeading),
		Sources:    facetOf(cv.main, search.FacetSource, coverageLeading),
		Examples:   articleRefs(cv.examples.Hits), Newest: articleRefs(cv.main.Hits), Search: link(cv.scope()),
	})
}

// unitView is the data of a unit's page.
type unitView struct {
	coverageView
	Name       string
	Typed      string // the name as typed, when it was not the canonical one
	Directives []linkView
	Models     []linkView
	Sources    []linkView
}

// unitPage answers GET /units/{name}; a name typed otherwise than the
// canonical one shows the canonical unit and says so.
func (s *Server) unitPage(c *gin.Context) {
	if toList(c, "name", "/units") {
		return
	}
	name, cv, err := s.unit(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := unitView{Name: name}
	if typed, _ := pathName(c, "name"); typed != name {
		v.Typed = typed
	}
	v.Title = name
	v.fill(cv, "Số bài nêu "+name+" theo thời gian", unitPath(name))
	v.Directives = cv.breakdown(search.FacetDirective, directivePath)
	v.Models = cv.breakdown(search.FacetModel, func(m string) string { return modelsLink(map[string][]string{"model": {m}}) })
	v.Sources = cv.breakdown(search.FacetSource, nil)
	s.render(c, http.StatusOK, s.pages.unit, v)
}

// toList sends a page path without a name (/directives/) to the list.
func toList(c *gin.Context, param, list string) bool {
	if strings.Trim(c.Param(param), "/ ") != "" {
		return false
	}
	c.Redirect(http.StatusMovedPermanently, list)
	return true
}
