package web

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// maxUnitsShown bounds the rows of the unit list; the filter box finds
// the others.
const maxUnitsShown = 300

// directiveRow is one directive of the list.
type directiveRow struct {
	Label, Href, Kind, Issuer, Date, Count string
}

// directivesView is the data of /directives.
type directivesView struct {
	Title  string
	Error  string
	Cited  []directiveRow // referenced by some article, most first
	Silent []directiveRow // in the catalog, referenced by none
}

// Form is an empty search form.
func (directivesView) Form() formView { return formView{} }

// directivesPage answers GET /directives: every directive, by number of
// articles.
func (s *Server) directivesPage(c *gin.Context) {
	if err := checkValues(c.Request.URL.Query(), nil); err != nil {
		s.failPage(c, err)
		return
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	ds, err := s.searcher.Directives(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	slices.SortStableFunc(ds, func(a, b search.Directive) int { return b.Count - a.Count })
	v := directivesView{Title: "Văn bản chỉ đạo"}
	for _, d := range ds {
		row := directiveRow{Label: directiveHeading(d), Href: directivePath(d.ID), Kind: d.Kind, Issuer: d.Issuer, Count: thousands(uint64(d.Count))}
		if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
			row.Date = t.Format("02/01/2006")
		}
		if d.Count > 0 {
			v.Cited = append(v.Cited, row)
		} else {
			v.Silent = append(v.Silent, row)
		}
	}
	s.render(c, http.StatusOK, s.pages.directives, v)
}

// unitsView is the data of /units.
type unitsView struct {
	Title  string
	Error  string
	Filter string
	Units  []linkView
	Shown  string
	Total  string // units matching the filter
}

// Form is an empty search form.
func (unitsView) Form() formView { return formView{} }

// listedUnits returns the units whose key holds the key of filter (all
// when filter is empty), most named first.
func listedUnits(all []search.Facet, filter string) []search.Facet {
	key := search.UnitKey(filter)
	if strings.TrimSpace(filter) == "" || key == "" {
		return all
	}
	var out []search.Facet
	for _, u := range all {
		if strings.Contains(search.UnitKey(u.Value), key) {
			out = append(out, u)
		}
	}
	return out
}

// units reads the filter parameter and lists the matching units.
func (s *Server) units(c *gin.Context) (string, []search.Facet, error) {
	v := c.Request.URL.Query()
	if err := checkValues(v, nil); err != nil {
		return "", nil, err
	}
	filter := strings.TrimSpace(v.Get("filter"))
	if len(filter) > maxValueBytes {
		return "", nil, badf("filter is too long: at most %d bytes", maxValueBytes).
			inVietnamese("Từ lọc quá dài (tối đa %d byte).", maxValueBytes)
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	all, err := s.searcher.Units(ctx)
	if err != nil {
		return "", nil, err
	}
	return filter, listedUnits(all, filter), nil
}

// apiUnits answers GET /api/units?filter= with the units and their
// numbers of articles.
func (s *Server) apiUnits(c *gin.Context) {
	_, us, err := s.units(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	if us == nil {
		us = []search.Facet{}
	}
	c.JSON(http.StatusOK, gin.H{"units": us})
}

// unitsPage answers GET /units?filter=: the units by number of articles,
// those whose name holds the filter however it is typed.
func (s *Server) unitsPage(c *gin.Context) {
	filter, us, err := s.units(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v := unitsView{Title: "Đơn vị", Filter: filter, Total: thousands(uint64(len(us)))}
	for _, u := range us[:min(len(us), maxUnitsShown)] {
		v.Units = append(v.Units, linkView{Label: u.Value, Href: unitPath(u.Value), Count: thousands(uint64(u.Count))})
	}
	v.Shown = thousands(uint64(len(v.Units)))
	s.render(c, http.StatusOK, s.pages.units, v)
}
