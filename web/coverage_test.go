package web

import (
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search"
)

func TestAPISearchTimeline(t *testing.T) {
	s, fake := newTestServer(t, nil)
	res := decode[search.Result](t, get(t, s, "/api/search?q=d%C3%A2n"))
	// Three articles match; the third has no date.
	if res.Total != 3 || res.Timeline == nil || res.Timeline.Total() != 2 || res.Timeline.Interval != "month" {
		t.Fatalf("total %d, timeline %+v", res.Total, res.Timeline)
	}
	if w := get(t, s, "/api/search?q=x&interval=year"); w.Code != 200 || fake.lastRequest().Interval != search.IntervalYear {
		t.Errorf("interval=year: status %d, request %+v", w.Code, fake.lastRequest())
	}
	if w := get(t, s, "/api/search?q=x&interval=week"); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "interval") {
		t.Errorf("interval=week: %d %s", w.Code, w.Body)
	}
}

func TestSearchPageChart(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/?q=d%C3%A2n&sort=newest&page=1").Body.String()
	for _, want := range []string{
		`<figure class="chart" id="timeline" data-interval="month">`,
		`<svg class="timeline" viewBox="0 0 720 240" role="group" aria-labelledby="timeline-title"`,
		// Each bar narrows the search to its period and says its count.
		`<a class="bar s0" href="/?from=2021-03-01&amp;q=d%C3%A2n&amp;sort=newest&amp;to=2021-03-31" tabindex="0" data-key="2021-03" data-count="1" aria-label="03/2021: 1 bài">`,
		`<title>03/2021: 1 bài</title>`,
		`<text class="axis-label" x="708" y="234" text-anchor="end">Tháng</text>`,
		`<text class="tick" x="48" dx="-6" y="200.0" text-anchor="end">0</text>`,
		`<th scope="row">05/2023</th><td>1</td>`,
		`Tổng: <strong>2</strong> bài có ngày đăng`,
		`<a class="csv" href="/api/timeline.csv?q=d%C3%A2n" download>`,
		`<a class="interval" href="/?interval=year&amp;q=d%C3%A2n&amp;sort=newest">Xem theo năm</a>`,
		// The facet sidebar links each directive and unit to its page.
		`<a class="page-link" href="/directives/05-CT%2FTW"`,
		`<a class="page-link" href="/units/Th%E1%BB%8B%20%E1%BB%A7y%20Qu%E1%BA%BF%20V%C3%B5"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	bars := regexp.MustCompile(`data-count="(\d+)"`).FindAllStringSubmatch(body, -1)
	sum := 0
	for _, b := range bars {
		n, _ := strconv.Atoi(b[1])
		sum += n
	}
	// March 2021 to May 2023, empty months included.
	if len(bars) != 27 || sum != 2 {
		t.Errorf("%d bars counting %d, want 27 counting 2", len(bars), sum)
	}
}

func TestTimelineCSV(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/api/timeline.csv?q=d%C3%A2n&interval=year")
	want := "\ufeffyear,count\n2021,1\n2022,0\n2023,1\n"
	if w.Code != 200 || w.Body.String() != want || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("%d %q %s", w.Code, w.Body, w.Header())
	}
	if w := get(t, s, "/api/timeline.csv?q=x&color=red"); w.Code != http.StatusBadRequest {
		t.Errorf("unknown parameter: %d", w.Code)
	}
}

func TestDirectivePage(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, path := range []string{"/directives/05-CT%2FTW", "/directives/05-CT/TW"} {
		w := get(t, s, path)
		body := w.Body.String()
		if w.Code != 200 {
			t.Fatalf("%s: %d", path, w.Code)
		}
		for _, want := range []string{
			`<h1>Chỉ thị 05-CT/TW</h1>`, `<dd>Bộ Chính trị</dd>`, `<strong id="count">2</strong> bài`,
			`<a class="csv" href="/api/timeline.csv?directive=05-CT%2FTW"`,
			`href="/?directive=05-CT%2FTW&amp;from=2023-05-01&amp;to=2023-05-31"`,
			`<h2>Đơn vị được nêu nhiều nhất</h2>`, `href="/units/T%E1%BB%89nh%20%E1%BB%A7y%20B%E1%BA%AFc%20Ninh"`,
			`<h2>Nguồn đưa tin nhiều nhất</h2>`, `<h2>Điển hình, mô hình</h2>`, `<a href="/articles/a1">`,
			`Dân vận khéo ở cơ sở &lt;script&gt;`,
			`href="/?directive=05-CT%2FTW&amp;sort=newest">Xem tất cả trong tìm kiếm`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s carries article markup", path)
		}
	}
	for path, status := range map[string]int{
		"/directives/99-CT%2FTW": 404, "/api/directives/99-CT%2FTW": 404, "/directives/05-CT%2FTW?interval=week": 400,
	} {
		if w := get(t, s, path); w.Code != status {
			t.Errorf("%s: %d, want %d", path, w.Code, status)
		}
	}
}

func TestAPIDirective(t *testing.T) {
	s, fake := newTestServer(t, nil)
	r := decode[directiveReport](t, get(t, s, "/api/directives/05-CT%2FTW"))
	if r.Directive.Issuer != "Bộ Chính trị" || r.Articles != 2 || r.Timeline.Total() != 2 || len(r.Units) != 3 ||
		len(r.Sources) != 2 || len(r.Examples) != 1 || len(r.Newest) != 2 || r.Search != "/?directive=05-CT%2FTW" {
		t.Fatalf("report %+v", r)
	}
	if got := fake.lastRequest().Filters.Keywords["directive"]; !reflect.DeepEqual(got, []string{"05-CT/TW"}) {
		t.Errorf("searched directive %v", got)
	}
}

func TestDirectiveRef(t *testing.T) {
	for d, want := range map[search.Directive]string{
		{ID: "05-CT/TW", Date: "2016-05-15"}:      "05-CT/TW@2016",
		{ID: "12-NQ/TW@2012"}:                     "12-NQ/TW@2012",
		{ID: "12-NQ/TW@2012", Date: "2012-01-16"}: "12-NQ/TW@2012",
		{ID: "99-CT/TW"}:                          "99-CT/TW",
	} {
		if got := directiveRef(d); got != want {
			t.Errorf("directiveRef(%+v) = %q, want %q", d, got, want)
		}
	}
}

func TestUnitPage(t *testing.T) {
	s, _ := newTestServer(t, nil)
	// Typed without diacritics, the unit resolves to its canonical name.
	w := get(t, s, "/units/thi%20uy%20que%20vo")
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	for _, want := range []string{
		`<h1 id="unit-name">Thị ủy Quế Võ</h1>`, `Kết quả cho «thi uy que vo»`, `<strong id="count">1</strong> bài`,
		`href="/directives/05-CT%2FTW"`, `href="/models?model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o"`,
		`<a class="csv" href="/api/timeline.csv?unit=Th%E1%BB%8B&#43;%E1%BB%A7y&#43;Qu%E1%BA%BF&#43;V%C3%B5"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("unit page lacks %s", want)
		}
	}
	r := decode[unitReport](t, get(t, s, "/api/units/THI%20UY%20QUE%20VO"))
	if r.Name != "Thị ủy Quế Võ" || r.Articles != 1 || len(r.Directives) != 1 || len(r.Models) != 2 || r.Timeline.Total() != 1 {
		t.Fatalf("report %+v", r)
	}
	for path, status := range map[string]int{"/units/Huy%E1%BB%87n%20%E1%BB%A7y%20X": 404, "/api/units/nowhere": 404, "/units/": 301, "/directives/": 301, "/api/units/": 400} {
		if w := get(t, s, path); w.Code != status {
			t.Errorf("%s: %d, want %d", path, w.Code, status)
		}
	}
}

func TestCoverageLists(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/directives").Body.String()
	first, second := strings.Index(body, `href="/directives/05-CT%2FTW"`), strings.Index(body, `href="/directives/01-KL%2FTW"`)
	if first < 0 || second < first {
		t.Errorf("directives not by count: %d, %d", first, second)
	}
	body = get(t, s, "/units?filter=que+vo").Body.String()
	if !strings.Contains(body, `<a href="/units/Th%E1%BB%8B%20%E1%BB%A7y%20Qu%E1%BA%BF%20V%C3%B5">Thị ủy Quế Võ</a>`) ||
		strings.Contains(body, "Tỉnh ủy Bắc Ninh") || !strings.Contains(body, `<strong id="unit-total">1</strong>`) {
		t.Errorf("unit filter: %s", body)
	}
	units := decode[struct{ Units []search.Facet }](t, get(t, s, "/api/units"))
	if len(units.Units) != 3 {
		t.Errorf("api units %+v", units)
	}
}

func TestComparePage(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/compare?q=d%C3%A2n&q=Qu%E1%BA%BF+V%C3%B5").Body.String()
	for _, want := range []string{
		`<ul class="legend"><li><span class="swatch s0" aria-hidden="true"></span>dân</li><li><span class="swatch s1" aria-hidden="true"></span>Quế Võ</li></ul>`,
		`<a class="bar s1" href="/?from=2023-05-01&amp;q=Qu%E1%BA%BF&#43;V%C3%B5&amp;to=2023-05-31"`,
		`<th scope="col">dân</th><th scope="col">Quế Võ</th>`,
		`href="/compare?format=csv&amp;q=d%C3%A2n&amp;q=Qu%E1%BA%BF&#43;V%C3%B5"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("compare lacks %s", want)
		}
	}
	w := get(t, s, "/compare?q=d%C3%A2n&q=%3DQu%E1%BA%BF&format=csv&interval=year")
	if want := "\ufeffyear,dân,'=Quế\n2021,1,0\n2022,0,0\n2023,1,0\n"; w.Body.String() != want {
		t.Errorf("compare csv %q, want %q", w.Body, want)
	}
	for target, status := range map[string]int{
		"/compare": 200, "/compare?q=a": 200, "/compare?q=a&q=b&q=c&q=d&q=e": 400, "/compare?q=a&q=%22x": 400,
		"/compare?q=a&format=csv": 400, "/compare?q=a&q=b&color=red": 400,
	} {
		if w := get(t, s, target); w.Code != status {
			t.Errorf("%s: %d, want %d", target, w.Code, status)
		}
	}
}

func TestFirstAppearance(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/?q=%22d%C3%A2n+v%E1%BA%ADn%22").Body.String()
	for _, want := range []string{
		`Xuất hiện đầu tiên: <a href="/articles/a2">Dân vận khéo ở cơ sở &lt;script&gt;alert(1)&lt;/script&gt;</a>`,
		`<time datetime="2021-03-02">02/03/2021</time>`,
		`<strong id="first-count">2</strong> bài chứa «dân vận»`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if body := get(t, s, "/?q=d%C3%A2n+v%E1%BA%ADn").Body.String(); strings.Contains(body, "Xuất hiện đầu tiên") {
		t.Error("an unquoted query shows a first appearance")
	}
}

func TestCoverageHead(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, target := range []string{
		"/directives", "/directives/05-CT%2FTW", "/units", "/units/thi%20uy%20que%20vo", "/compare?q=a&q=b",
		"/api/directives/05-CT%2FTW", "/api/units", "/api/units/thi%20uy%20que%20vo", "/api/timeline.csv?q=d%C3%A2n",
	} {
		if w := do(t, s, http.MethodHead, target, nil); w.Code != 200 {
			t.Errorf("HEAD %s: %d", target, w.Code)
		}
	}
}

func TestMergeTimelines(t *testing.T) {
	month := &search.Timeline{Interval: "month", Buckets: []search.Bucket{{Key: "2023-11", Count: 2}, {Key: "2023-12", Count: 0}, {Key: "2024-01", Count: 3}}}
	year := &search.Timeline{Interval: "year", Buckets: []search.Bucket{{Key: "2022", Count: 4}}}
	far := &search.Timeline{Interval: "month", Buckets: []search.Bucket{{Key: "2019-05", Count: 1}}}
	tests := []struct {
		name     string
		interval string
		tls      []*search.Timeline
		want     timelines
	}{
		{"months", "", []*search.Timeline{month, {Interval: "month", Buckets: []search.Bucket{{Key: "2024-02", Count: 1}}}}, timelines{
			Interval: "month", Keys: []string{"2023-11", "2023-12", "2024-01", "2024-02"},
			Series: []series{{"a", []int{2, 0, 3, 0}}, {"b", []int{0, 0, 0, 1}}},
		}},
		{"a year series makes years", "", []*search.Timeline{month, year}, timelines{
			Interval: "year", Keys: []string{"2022", "2023", "2024"}, Series: []series{{"a", []int{0, 2, 3}}, {"b", []int{4, 0, 0}}},
		}},
		{"months over more than three years make years", "", []*search.Timeline{month, far}, timelines{
			Interval: "year", Keys: []string{"2019", "2020", "2021", "2022", "2023", "2024"},
			Series: []series{{"a", []int{0, 0, 0, 0, 2, 3}}, {"b", []int{1, 0, 0, 0, 0, 0}}},
		}},
		{"forced months stay months", "month", []*search.Timeline{month, far}, timelines{Interval: "month"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mergeTimelines(tc.interval, []string{"a", "b"}, tc.tls)
			if tc.want.Keys == nil {
				if got.Interval != tc.want.Interval || len(got.Keys) != 57 || got.Keys[0] != "2019-05" {
					t.Fatalf("got %s %d keys from %s", got.Interval, len(got.Keys), got.Keys[0])
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestPeriodHelpers(t *testing.T) {
	for key, want := range map[string][2]string{
		"2024-02": {"2024-02-01", "2024-02-29"}, "2023-12": {"2023-12-01", "2023-12-31"}, "2024": {"2024-01-01", "2024-12-31"},
	} {
		if from, to := periodRange(key); from != want[0] || to != want[1] {
			t.Errorf("periodRange(%s) = %s, %s", key, from, to)
		}
	}
	for n, want := range map[int]int{0: 1, 1: 1, 3: 5, 7: 10, 10: 10, 11: 20, 230: 500, 501: 1000} {
		if got := niceCeil(n); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", n, got, want)
		}
	}
}
