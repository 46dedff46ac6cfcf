package web

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// searchView is the data of the search page.
type searchView struct {
	Title   string
	Req     search.Request
	Error   string
	Landing bool

	Total      string // "1.234"
	Took       string // "0,02"
	Hits       []hitView
	Facets     []facetView
	Selected   []linkView // active filters, each linking to its removal
	ClearAll   string
	Sorts      []linkView
	Pages      []linkView
	Prev, Next string
	Suggestion *linkView
	Match      string        // the line saying the hits are near or relaxed matches, or ""
	Hidden     []hiddenField // filters carried by the search form
	Feed       string
	Export     string
	Models     string     // the models view of the same search
	Chart      *chartView // the matches over time
	First      *firstView // the earliest article holding the quoted phrase

	Examples   []linkView
	Directives []linkView

	state url.Values // the page's own parameters
}

type hitView struct {
	ID, Title, URL, Source string
	Date, DateISO          string
	Href                   string // the article page
	Snippets               []template.HTML
	Units, Directives      []linkView
	Example                bool
	Copies                 int
}

type facetView struct {
	Name, Title string
	Values      []linkView // shown
	More        []linkView // behind "Xem thêm"
}

// facetShown is the number of values a facet shows before "Xem thêm".
const facetShown = 8

// linkView is a link of the page: a facet value, a sort order, a page.
type linkView struct {
	Label    string
	Title    string // the whole label, when Label is shortened
	Href     string
	Count    string
	Selected bool
	Page     string // the value's own page (a directive's, a unit's)
}

type hiddenField struct{ Name, Value string }

// formView is the data of the search form every page carries.
type formView struct {
	Query            string
	Hidden           []hiddenField
	Group, Autofocus bool
	// Example checks the "Chỉ điển hình" box: only articles presenting a
	// model to follow.
	Example bool
}

// Form is the search form of the search page: the query, the filters and
// sort carried along, and the grouping and example options.
func (v *searchView) Form() formView {
	return formView{
		Query: v.Req.Query, Hidden: v.Hidden, Group: v.Req.GroupSyndicated, Autofocus: v.Landing,
		Example: onlyExamples(v.Req.Filters),
	}
}

// onlyExamples reports whether f keeps only model examples.
func onlyExamples(f search.Filters) bool { return f.Example != nil && *f.Example }

// Form is an empty search form.
func (articleView) Form() formView { return formView{} }

// Form is an empty search form.
func (errorView) Form() formView { return formView{} }

// filterParams are the filters' parameters, in package filter's order (the
// sidebar's facets follow it too, each narrowing by its own parameter).
var (
	filterParams = filter.Names(false)
	sortLabels   = []struct{ value, label string }{
		{search.SortRelevance, "Liên quan"}, {search.SortNewest, "Mới nhất"}, {search.SortOldest, "Cũ nhất"},
	}
	examples = []string{
		"Dễ trăm lần không dân cũng chịu",
		"de tram lan khong dan cung chiu",
		`"dân vận khéo"`,
		"mô hình học tập và làm theo Bác",
		"Chỉ thị 05",
	}
)

// pageState keeps the page's own parameters, dropping empty and unknown
// ones, so that every link of the page is a clean shareable URL.
func pageState(v url.Values) url.Values {
	out := url.Values{}
	for _, k := range searchParams {
		for _, s := range v[k] {
			if s = strings.TrimSpace(s); s != "" {
				out.Add(k, s)
			}
		}
	}
	return out
}

// with returns the state changed by f, back on page 1.
func (v *searchView) with(f func(url.Values)) string {
	next := cloneValues(v.state)
	next.Del("page")
	f(next)
	return link(next)
}

// cloneValues copies v deeply, so that editing the copy leaves v alone.
func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vals := range v {
		out[k] = slices.Clone(vals)
	}
	return out
}

// toggle adds or removes one value of a filter; year holds one value.
func (v *searchView) toggle(name, value string) (href string, selected bool) {
	selected = slices.Contains(v.state[name], value)
	return v.with(func(s url.Values) {
		switch {
		case selected:
			s[name] = slices.DeleteFunc(s[name], func(x string) bool { return x == value })
		case name == "year":
			s.Set(name, value)
		default:
			s.Add(name, value)
		}
	}), selected
}

func (v *searchView) fill(res *search.Result) {
	v.Total = thousands(res.Total)
	v.Took = strings.Replace(strconv.FormatFloat(res.TookMS/1000, 'f', 2, 64), ".", ",", 1)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, v.hit(h))
	}
	for _, d := range filter.Faceted() {
		if f := v.facet(d, res.Facets[d.Name]); len(f.Values) > 0 {
			v.Facets = append(v.Facets, f)
		}
	}
	if res.Suggestion != "" && res.Suggestion != v.Req.Query {
		v.Suggestion = &linkView{Label: res.Suggestion, Href: v.with(func(s url.Values) { s.Set("q", res.Suggestion) })}
	}
	v.Match = matchLines[res.Match]
	v.fillControls(res.Total)
	v.Chart = v.chart(res.Timeline)
}

// matchLines tell the reader, on top of the hits, that they do not hold
// the query as typed.
var matchLines = map[string]string{
	search.MatchNear:    "Không có bài nào chứa nguyên văn; các bài gần đúng:",
	search.MatchRelaxed: "Không có bài nào chứa đủ các từ gần nhau; các bài chứa nhiều từ nhất theo thứ tự:",
}

func (v *searchView) hit(h search.Hit) hitView {
	out := hitView{
		ID: h.ID, Title: h.Title, URL: webURL(h.URL), Source: h.Source, Example: h.Example, Copies: h.Copies,
		Href: "/articles/" + url.PathEscape(h.ID),
	}
	if out.Title == "" {
		out.Title = "(không có tiêu đề)"
	}
	if !h.Published.IsZero() {
		t := h.Published.In(vietnam)
		out.Date, out.DateISO = t.Format("02/01/2006"), t.Format("2006-01-02")
	}
	for _, s := range h.Snippets {
		out.Snippets = append(out.Snippets, safeSnippet(s))
	}
	for _, u := range h.Units {
		href, sel := v.toggle("unit", u)
		out.Units = append(out.Units, linkView{Label: u, Href: href, Selected: sel})
	}
	for _, d := range h.Directives {
		href, sel := v.toggle("directive", d)
		out.Directives = append(out.Directives, linkView{Label: d, Href: href, Selected: sel})
	}
	return out
}

func (v *searchView) facet(d filter.Def, values []search.Facet) facetView {
	name := d.Name
	f := facetView{Name: name, Title: d.Title}
	for _, fv := range values {
		href, sel := v.toggle(name, fv.Value)
		label := fv.Value
		if fv.Label != "" && fv.Label != fv.Value {
			label = fv.Label
		}
		f.Values = append(f.Values, linkView{Label: label, Href: href, Count: thousands(uint64(fv.Count)), Selected: sel, Page: valuePage(name, fv.Value)})
	}
	if len(f.Values) > facetShown {
		f.Values, f.More = f.Values[:facetShown], f.Values[facetShown:]
	}
	return f
}

// fillControls builds what surrounds the results: active filters, sort,
// pagination, the form's hidden fields and the feed and export links.
func (v *searchView) fillControls(total uint64) {
	for _, name := range filterParams {
		for _, val := range v.state[name] {
			href, _ := v.toggle(name, val)
			v.Selected = append(v.Selected, linkView{Label: filterLabel(name, val), Href: href, Selected: true})
			if name != filter.Example { // the form's checkbox carries it
				v.Hidden = append(v.Hidden, hiddenField{Name: name, Value: val})
			}
		}
	}
	if len(v.Selected) > 0 {
		v.ClearAll = v.with(func(s url.Values) {
			for _, name := range filterParams {
				s.Del(name)
			}
		})
	}
	for _, so := range sortLabels {
		href := v.with(func(s url.Values) { s.Set("sort", so.value) })
		v.Sorts = append(v.Sorts, linkView{Label: so.label, Href: href, Selected: v.Req.Sort == so.value})
	}
	if v.Req.Sort != search.SortRelevance {
		v.Hidden = append(v.Hidden, hiddenField{Name: "sort", Value: v.Req.Sort})
	}
	v.paginate(total)
	v.Feed = "/search.rss?" + without(v.state, "sort", "page", "size").Encode()
	scope := without(v.state, "page", "size", "sort", "group")
	v.Models = modelsLink(scope)
	scope.Set("format", "csv")
	v.Export = "/api/export?" + scope.Encode()
}

// paginate links the pages around the current one.
func (v *searchView) paginate(total uint64) {
	size := uint64(v.Req.Size)
	last := int(min((total+size-1)/size, search.MaxPage))
	if last <= 1 {
		return
	}
	at := func(p int) string {
		return v.with(func(s url.Values) {
			if p > 1 {
				s.Set("page", strconv.Itoa(p))
			}
		})
	}
	cur := v.Req.Page
	if cur > 1 {
		v.Prev = at(cur - 1)
	}
	if cur < last {
		v.Next = at(cur + 1)
	}
	for p := max(1, cur-4); p <= min(last, cur+4); p++ {
		v.Pages = append(v.Pages, linkView{Label: strconv.Itoa(p), Href: at(p), Selected: p == cur})
	}
}

func (v *searchView) fillLanding(ds []search.Directive) {
	for _, q := range examples {
		v.Examples = append(v.Examples, linkView{Label: q, Href: link(url.Values{"q": {q}})})
	}
	slices.SortStableFunc(ds, func(a, b search.Directive) int { return b.Count - a.Count })
	for _, d := range ds[:min(len(ds), 8)] {
		if d.Count == 0 {
			break
		}
		label := d.Label
		if label == "" {
			label = d.ID
		}
		v.Directives = append(v.Directives, linkView{
			Label: label, Href: link(url.Values{"directive": {d.ID}}), Count: thousands(uint64(d.Count)),
		})
	}
}

func filterLabel(name, value string) string {
	if name == filter.Example {
		if b, _ := filter.ParseBool(value); !b {
			return "Không phải điển hình"
		}
		return "Chỉ điển hình"
	}
	d, _ := filter.Lookup(name)
	return d.Title + ": " + value
}

// thousands writes n the Vietnamese way: 12.345.
func thousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// webURL returns s when it is an absolute http(s) URL, else "": a link to
// the original article must never be javascript: or a relative path.
func webURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

// articleView is the data of the article page.
type articleView struct {
	Title             string
	URL               string // the original, when it is a web URL
	A                 *search.Article
	Date              string
	Paragraphs        []string
	Lead              string
	Units, Directives []linkView
	Documents, Models []linkView
}

func newArticleView(a *search.Article) articleView {
	v := articleView{Title: a.Title, A: a, Lead: a.Lead, URL: webURL(a.URL)}
	if t := a.Published.In(vietnam); !a.Published.IsZero() {
		v.Date = t.Format("02/01/2006")
		if t.Hour() != 0 || t.Minute() != 0 { // a date alone reads as midnight
			v.Date = t.Format("15:04, ") + v.Date
		}
	}
	for _, p := range strings.Split(strings.ReplaceAll(a.Body, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	filterLinks := func(name string, values []string) []linkView {
		var out []linkView
		for _, val := range values {
			out = append(out, linkView{Label: val, Href: link(url.Values{name: {val}})})
		}
		return out
	}
	v.Units = filterLinks("unit", a.Units)
	v.Directives = filterLinks("directive", a.Directives)
	v.Documents = filterLinks("document", a.Documents)
	v.Models = filterLinks("model", a.Models)
	return v
}
