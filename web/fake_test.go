package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// fakeSearcher answers from a few articles by substring match, and fails
// on demand: a query containing "boom" is an internal error, "slow" waits
// for the context, "hang" ignores it, and an odd number of quotes is a bad
// query, as the real parser reports it.
type fakeSearcher struct {
	mu       sync.Mutex
	held     chan struct{} // a query "hold" waits for it, ignoring its context
	articles []search.Article
	last     search.Request
	requests int
	// exportLimit is the limit of the last export.
	exportLimit int
}

func newFake() *fakeSearcher {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 8, 0, 0, 0, vietnam) }
	return &fakeSearcher{held: make(chan struct{}), articles: []search.Article{
		{
			ID: "a1", URL: "https://example.vn/que-vo", Source: "Báo Bắc Ninh",
			Title: "Quế Võ quyết tâm học tập và làm theo Bác", Published: day(2023, 5, 19),
			Body:       "Nhớ lời Bác dặn Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong.",
			Units:      []string{"Thị ủy Quế Võ", "Chi bộ thôn Quế Ổ"},
			Directives: []string{"05-CT/TW"}, Example: true, Year: 2023, Group: "g1",
			Models: []string{"Dân vận khéo", "Học tập và làm theo Bác"},
		},
		{
			ID: "a2", URL: "https://example.vn/dan-van", Source: "Báo Nhân Dân",
			Title: "Dân vận khéo ở cơ sở <script>alert(1)</script>", Published: day(2021, 3, 2),
			Body:       "Phong trào dân vận khéo lan tỏa; dân là gốc.",
			Units:      []string{"Tỉnh ủy Bắc Ninh"},
			Directives: []string{"05-CT/TW", "01-KL/TW"}, Year: 2021, Models: []string{"Dân vận khéo"},
		},
		{
			ID: "a3", Source: "Báo Nhân Dân", Title: "Bài không ngày tháng",
			Body: "Dân vận trong thời kỳ mới.",
		},
	}}
}

func (f *fakeSearcher) lastRequest() search.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

func (f *fakeSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	f.mu.Lock()
	f.last, f.requests = req, f.requests+1
	f.mu.Unlock()
	if err := f.fail(ctx, req.Query); err != nil {
		return nil, err
	}
	res := &search.Result{Query: req.Query, Page: req.Page, Size: req.Size, TookMS: 12.5, Facets: map[string][]search.Facet{}}
	var matched []search.Article
	for _, a := range f.articles {
		if f.matches(a, req) {
			matched = append(matched, a)
		}
	}
	res.Total = uint64(len(matched))
	from := min((req.Page-1)*req.Size, len(matched))
	for _, a := range matched[from:min(from+req.Size, len(matched))] {
		h := hitOf(a, req.Query)
		if req.GroupSyndicated && a.Group != "" {
			h.Group, h.Copies = a.Group, 2
		}
		res.Hits = append(res.Hits, h)
	}
	res.Facets[search.FacetDirective] = countFacet(matched, func(a search.Article) []string { return a.Directives })
	res.Facets[search.FacetUnit] = countFacet(matched, func(a search.Article) []string { return a.Units })
	res.Facets[search.FacetModel] = countFacet(matched, func(a search.Article) []string { return a.Models })
	res.Facets[search.FacetSource] = countFacet(matched, func(a search.Article) []string { return []string{a.Source} })
	res.Facets[search.FacetYear] = countFacet(matched, func(a search.Article) []string {
		if a.Year == 0 {
			return nil
		}
		return []string{fmt.Sprint(a.Year)}
	})
	for i, d := range res.Facets[search.FacetDirective] {
		res.Facets[search.FacetDirective][i].Label = "Chỉ thị " + d.Value
	}
	if req.Interval != search.IntervalNone {
		res.Timeline = fakeTimeline(matched, req.Interval)
	}
	if req.Query == "de tram lan" {
		res.Suggestion = "Dễ trăm lần"
	}
	if req.Query == `"de muoi lan"` {
		res.Match, res.Suggestion = search.MatchNear, "Dễ mười lần"
	}
	return res, nil
}

func (f *fakeSearcher) fail(ctx context.Context, q string) error {
	switch {
	case strings.Contains(q, "boom"):
		return errors.New("disk on fire at /secret/path")
	case strings.Contains(q, "slow"):
		<-ctx.Done()
		return fmt.Errorf("search: %w", ctx.Err())
	case strings.Contains(q, "hold"):
		<-f.held
		return nil
	case strings.Contains(q, "hang"):
		time.Sleep(300 * time.Millisecond)
		return nil
	case strings.Count(q, `"`)%2 == 1:
		return fmt.Errorf("%w: unbalanced quote", search.ErrBadQuery)
	}
	return nil
}

func (f *fakeSearcher) matches(a search.Article, req search.Request) bool {
	q := strings.ToLower(strings.Trim(req.Query, `"`))
	text := strings.ToLower(a.Title + " " + a.Body)
	if q != "" && !strings.Contains(text, q) {
		return false
	}
	fl := req.Filters
	anyOf := func(want, have []string) bool {
		return len(want) == 0 || slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) })
	}
	kw := fl.Keywords
	unitKeys := func(us []string) []string {
		var out []string
		for _, u := range us {
			out = append(out, search.UnitKey(u))
		}
		return out
	}
	return anyOf(unitKeys(kw[filter.Unit]), unitKeys(a.Units)) && anyOf(kw[filter.Directive], a.Directives) &&
		anyOf(kw[filter.Source], []string{a.Source}) && anyOf(kw[filter.Model], a.Models) && (fl.Example == nil || *fl.Example == a.Example) &&
		(fl.YearFrom == 0 || a.Year >= fl.YearFrom) && (fl.YearTo == 0 || (a.Year != 0 && a.Year <= fl.YearTo)) &&
		(fl.From.IsZero() || !a.Published.Before(fl.From)) && (fl.To.IsZero() || (!a.Published.IsZero() && !a.Published.After(fl.To)))
}

// fakeTimeline counts the dated articles by month (by year when asked),
// without the empty periods between.
func fakeTimeline(as []search.Article, interval string) *search.Timeline {
	layout := "2006-01"
	if interval == search.IntervalYear {
		layout = "2006"
	} else {
		interval = search.IntervalMonth
	}
	tl := &search.Timeline{Interval: interval, Buckets: []search.Bucket{}}
	for _, a := range as {
		if a.Published.IsZero() {
			continue
		}
		key := a.Published.In(vietnam).Format(layout)
		i := slices.IndexFunc(tl.Buckets, func(b search.Bucket) bool { return b.Key == key })
		if i < 0 {
			tl.Buckets = append(tl.Buckets, search.Bucket{Key: key})
			i = len(tl.Buckets) - 1
		}
		tl.Buckets[i].Count++
	}
	slices.SortFunc(tl.Buckets, func(a, b search.Bucket) int { return strings.Compare(a.Key, b.Key) })
	return tl
}

// Export answers the matches newest first, those without a date last,
// without their text; a query containing "midway" fails after 250 articles.
func (f *fakeSearcher) Export(ctx context.Context, req search.Request, limit int, fn func(*search.Article) error) error {
	f.mu.Lock()
	f.last, f.exportLimit = req, limit
	f.mu.Unlock()
	if err := f.fail(ctx, req.Query); err != nil {
		return err
	}
	var matched []search.Article
	for _, a := range f.articles {
		if f.matches(a, req) {
			a.Body, a.Lead = "", ""
			matched = append(matched, a)
		}
	}
	// The zero time sorts first, so newest first puts undated articles last.
	slices.SortStableFunc(matched, func(a, b search.Article) int { return b.Published.Compare(a.Published) })
	for i, a := range matched[:min(limit, len(matched))] {
		if i == 250 && strings.Contains(req.Query, "midway") {
			return errors.New("index closed midway")
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return nil
}

func hitOf(a search.Article, q string) search.Hit {
	snippet := strings.ReplaceAll(a.Body, "<", "&lt;")
	if q = strings.Trim(q, `"`); q != "" {
		if i := strings.Index(strings.ToLower(snippet), strings.ToLower(q)); i >= 0 {
			snippet = snippet[:i] + "<mark>" + snippet[i:i+len(q)] + "</mark>" + snippet[i+len(q):]
		}
	}
	return search.Hit{
		ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published,
		Snippets: []string{snippet}, Score: 1, Units: a.Units, Directives: a.Directives, Example: a.Example,
		Models: a.Models,
	}
}

func countFacet(as []search.Article, values func(search.Article) []string) []search.Facet {
	var out []search.Facet
	for _, a := range as {
		for _, v := range values(a) {
			i := slices.IndexFunc(out, func(f search.Facet) bool { return f.Value == v })
			if i < 0 {
				out = append(out, search.Facet{Value: v})
				i = len(out) - 1
			}
			out[i].Count++
		}
	}
	return out
}

func (f *fakeSearcher) Article(ctx context.Context, id string) (*search.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return &a, nil
		}
	}
	return nil, fmt.Errorf("article %q: %w", id, search.ErrNotFound)
}

func (f *fakeSearcher) Suggest(ctx context.Context, prefix string, n int) ([]string, error) {
	if err := f.fail(ctx, prefix); err != nil {
		return nil, err
	}
	var out []string
	for _, a := range f.articles {
		if strings.HasPrefix(strings.ToLower(a.Title), strings.ToLower(prefix)) && len(out) < n {
			out = append(out, a.Title)
		}
	}
	return out, nil
}

func (f *fakeSearcher) Directives(ctx context.Context) ([]search.Directive, error) {
	return []search.Directive{
		{ID: "01-KL/TW", Kind: "Kết luận", Number: "01", Label: "Kết luận 01-KL/TW", Count: 1},
		{ID: "05-CT/TW", Kind: "Chỉ thị", Number: "05", Issuer: "Bộ Chính trị", Label: "Chỉ thị 05-CT/TW", Count: 2},
	}, nil
}

func (f *fakeSearcher) Units(ctx context.Context) ([]search.Facet, error) {
	if err := f.fail(ctx, ""); err != nil {
		return nil, err
	}
	return countFacet(f.articles, func(a search.Article) []string { return a.Units }), nil
}

// fakeCrawler records triggered sources; "busy" is refused and "nope" is
// unknown. Sources returns status.
type fakeCrawler struct {
	mu      sync.Mutex
	sources []string
	status  []indexer.SourceStatus
}

func (c *fakeCrawler) Sources() []indexer.SourceStatus { return c.status }

func (c *fakeCrawler) Trigger(ctx context.Context, source string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch source {
	case "busy":
		return errors.New("scheduler not open")
	case "nope":
		return fmt.Errorf("trigger %q: %w", source, indexer.ErrUnknownSource)
	}
	c.sources = append(c.sources, source)
	return nil
}
