package web

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// The models view shows, for each model, its newest articles and its
// leading units and directives; the details of the models are searched
// a few at a time.
const (
	modelArticles  = 3
	modelBreakdown = 5
	modelWorkers   = 4
)

// modelsView is the data of /models: the named models, movements and
// campaigns of the articles in scope (everything, or a search's matches).
type modelsView struct {
	Title   string
	Req     search.Request
	Error   string
	Total   string     // articles in scope, when the scope was searched
	Scope   []linkView // the scope's query and filters
	All     string     // every model of every article, when scoped
	Example linkView   // the "Chỉ điển hình" toggle
	Models  []modelView

	state url.Values
}

// modelView is one model: its articles in scope and where they come from.
type modelView struct {
	Name, Count       string
	Search            string // the search page of its articles
	Detail            string // the models view of it alone
	Articles          []modelArticle
	Units, Directives []linkView
}

type modelArticle struct {
	Title, Href, Date, DateISO string
	Example                    bool
}

// Form is the search form, carrying the scope.
func (v *modelsView) Form() formView {
	f := formView{Query: v.Req.Query, Example: onlyExamples(v.Req.Filters)}
	for _, name := range filterParams {
		for _, val := range v.state[name] {
			if name != filter.Example {
				f.Hidden = append(f.Hidden, hiddenField{Name: name, Value: val})
			}
		}
	}
	return f
}

// modelsLink is the models view of a scope.
func modelsLink(scope url.Values) string {
	if len(scope) == 0 {
		return "/models"
	}
	return "/models?" + scope.Encode()
}

// modelsPage answers GET /models with every named model in scope (the
// model facet) or, given model=, those models alone, each with its newest
// articles and its breakdown by unit and by directive.
func (s *Server) modelsPage(c *gin.Context) {
	v := c.Request.URL.Query()
	req, err := parseSearch(v, false)
	view := &modelsView{Title: "Mô hình, phong trào", Req: req, state: without(pageState(v), "page", "size", "sort", "group")}
	if err != nil {
		s.renderModelsError(c, view, err)
		return
	}
	view.fillScope()
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	names := req.Filters.Keywords[filter.Model]
	req.Filters = req.Filters.With(filter.Model)
	req.Page, req.Sort, req.GroupSyndicated, req.Interval = 1, search.SortNewest, false, search.IntervalNone
	if len(names) == 0 {
		names, err = s.modelNames(ctx, req, view)
	}
	var details []*search.Result
	if err == nil {
		details, err = s.modelDetails(ctx, req, names)
	}
	if err != nil {
		s.renderModelsError(c, view, err)
		return
	}
	for i, name := range names {
		view.Models = append(view.Models, view.model(name, details[i]))
	}
	s.render(c, http.StatusOK, s.pages.models, view)
}

func (s *Server) renderModelsError(c *gin.Context, view *modelsView, err error) {
	status, msg := pageMessage(err)
	s.logFailure(c, status, err)
	view.Error = msg
	s.render(c, status, s.pages.models, view)
}

// modelNames lists the models of the scope's articles, most cited first
// (the model facet), and counts the scope's articles.
func (s *Server) modelNames(ctx context.Context, scope search.Request, view *modelsView) ([]string, error) {
	scope.Size = 1
	res, err := s.searcher.Search(ctx, scope)
	if err != nil {
		return nil, err
	}
	view.Total = thousands(res.Total)
	var names []string
	for _, f := range res.Facets[search.FacetModel] {
		names = append(names, f.Value)
	}
	return names, nil
}

// modelDetails searches the scope narrowed to each model, a few at a time.
// Each search takes a slot of the server's admission limit, and one page
// runs at most half of them at once, so that it never shuts other
// requests out; once the request's time is up no more searches start.
func (s *Server) modelDetails(ctx context.Context, scope search.Request, names []string) ([]*search.Result, error) {
	out := make([]*search.Result, len(names))
	errs := make([]error, len(names))
	slots := make(chan struct{}, min(modelWorkers, max(1, s.cfg.MaxSearches/2)))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				errs[i] = context.Cause(ctx)
				return
			}
			defer func() { <-slots }()
			req := scope
			req.Filters, req.Size = req.Filters.With(filter.Model, name), modelArticles
			out[i], errs[i] = s.searcher.Search(ctx, req)
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// fillScope describes the scope and builds the example toggle.
func (v *modelsView) fillScope() {
	if v.Req.Query != "" {
		v.Scope = append(v.Scope, linkView{Label: "«" + v.Req.Query + "»"})
	}
	for _, name := range filterParams {
		if name == filter.Model || name == filter.Example {
			continue
		}
		for _, val := range v.state[name] {
			v.Scope = append(v.Scope, linkView{Label: filterLabel(name, val)})
		}
	}
	if len(v.Scope) > 0 || len(v.state["model"]) > 0 {
		v.All = "/models"
	}
	next := cloneValues(v.state)
	on := onlyExamples(v.Req.Filters)
	if next.Del(filter.Example); !on {
		next.Set(filter.Example, "true")
	}
	v.Example = linkView{Label: "Chỉ điển hình", Href: modelsLink(next), Selected: on}
}

// model builds one model's card from the search narrowed to it.
func (v *modelsView) model(name string, res *search.Result) modelView {
	at := func(edit func(url.Values)) url.Values {
		next := cloneValues(v.state)
		next.Set("model", name)
		if edit != nil {
			edit(next)
		}
		return next
	}
	m := modelView{
		Name: name, Count: thousands(res.Total),
		Search: link(at(func(s url.Values) { s.Set("sort", search.SortNewest) })),
		Detail: modelsLink(at(nil)),
	}
	for _, h := range res.Hits {
		a := modelArticle{Title: h.Title, Href: "/articles/" + url.PathEscape(h.ID), Example: h.Example}
		if a.Title == "" {
			a.Title = "(không có tiêu đề)"
		}
		if !h.Published.IsZero() {
			t := h.Published.In(vietnam)
			a.Date, a.DateISO = t.Format("02/01/2006"), t.Format("2006-01-02")
		}
		m.Articles = append(m.Articles, a)
	}
	breakdown := func(facet, param string) []linkView {
		var out []linkView
		for _, f := range res.Facets[facet][:min(len(res.Facets[facet]), modelBreakdown)] {
			// "Chỉ thị 05-CT/TW (2016) — Về đẩy mạnh…" is shown to its dash.
			label, _, _ := strings.Cut(cmp.Or(f.Label, f.Value), " — ")
			out = append(out, linkView{
				Label: label, Title: f.Label, Count: thousands(uint64(f.Count)),
				Href: link(at(func(s url.Values) { s.Set(param, f.Value) })),
			})
		}
		return out
	}
	m.Units = breakdown(search.FacetUnit, "unit")
	m.Directives = breakdown(search.FacetDirective, "directive")
	return m
}
