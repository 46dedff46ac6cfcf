package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestSearchPageExampleToggle(t *testing.T) {
	s, fake := newTestServer(t, nil)
	off := get(t, s, "/?q=d%C3%A2n").Body.String()
	if !strings.Contains(off, `<input type="checkbox" id="example" name="example" value="true"> Chỉ điển hình</label>`) {
		t.Error("the search form has no unchecked Chỉ điển hình box")
	}
	w := get(t, s, "/?q=d%C3%A2n&example=true")
	body := w.Body.String()
	if req := fake.lastRequest(); w.Code != 200 || req.Filters.Example == nil || !*req.Filters.Example {
		t.Fatalf("status %d, request %+v", w.Code, req)
	}
	for _, want := range []string{
		`<input type="checkbox" id="example" name="example" value="true" checked> Chỉ điển hình</label>`,
		`<strong id="total">1</strong>`,
		`<a class="chip" href="/?q=d%C3%A2n" title="Bỏ lọc này">Chỉ điển hình`,
		`<a class="button" href="/api/export?example=true&amp;format=csv&amp;q=d%C3%A2n" download>Tải CSV</a>`,
		`<a href="/search.rss?example=true&amp;q=d%C3%A2n">Theo dõi qua RSS</a>`,
		`<a href="/models?example=true&amp;q=d%C3%A2n">Mô hình, phong trào trong kết quả</a>`,
		`<link rel="alternate" type="application/rss+xml" title="vnsearch: dân – Tìm kiếm" href="/search.rss?example=true&amp;q=d%C3%A2n">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// The box carries the filter: a hidden copy would make it impossible
	// to uncheck.
	if strings.Contains(body, `type="hidden" name="example"`) {
		t.Error("example is also a hidden field")
	}
	if hits, badges := strings.Count(body, `<li class="hit">`), strings.Count(body, `<span class="badge">Điển hình</span>`); hits != 1 || badges != hits {
		t.Errorf("%d hits, %d badges", hits, badges)
	}
	// The filter alone is a search, not the landing page.
	if body := get(t, s, "/?example=true").Body.String(); !strings.Contains(body, `<strong id="total">1</strong>`) {
		t.Error("example=true without a query shows no results")
	}
	if body := get(t, s, "/?q=d%C3%A2n&example=false").Body.String(); !strings.Contains(body, "Không phải điển hình") {
		t.Error("example=false is not shown as such")
	}
}

func TestModelsPage(t *testing.T) {
	s, fake := newTestServer(t, nil)
	w := get(t, s, "/models")
	body := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, body)
	}
	for _, want := range []string{
		`<title>Mô hình, phong trào · vnsearch</title>`,
		`<strong id="model-count">2</strong> mô hình, phong trào được nêu trong 3 bài, xếp theo số bài.`,
		`<h2><a href="/models?model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o">Dân vận khéo</a> <span class="count">2 bài</span></h2>`,
		`<li><a href="/articles/a1">Quế Võ quyết tâm học tập và làm theo Bác</a> <time datetime="2023-05-19">19/05/2023</time> <span class="badge">Điển hình</span></li>`,
		`<li><a href="/articles/a2">Dân vận khéo ở cơ sở &lt;script&gt;alert(1)&lt;/script&gt;</a> <time datetime="2021-03-02">02/03/2021</time></li>`,
		`<a href="/?model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o&amp;unit=Th%E1%BB%8B&#43;%E1%BB%A7y&#43;Qu%E1%BA%BF&#43;V%C3%B5"><span class="label">Thị ủy Quế Võ</span> <span class="count">1</span></a>`,
		`<a href="/?directive=05-CT%2FTW&amp;model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o" title="Chỉ thị 05-CT/TW"><span class="label">Chỉ thị 05-CT/TW</span> <span class="count">2</span></a>`,
		`<a href="/?model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o&amp;sort=newest">Xem cả 2 bài ›</a>`,
		`<h2><a href="/models?model=H%E1%BB%8Dc&#43;t%E1%BA%ADp&#43;v%C3%A0&#43;l%C3%A0m&#43;theo&#43;B%C3%A1c">Học tập và làm theo Bác</a> <span class="count">1 bài</span></h2>`,
		`<a class="toggle" href="/models?example=true">Chỉ điển hình</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("models page lacks %s", want)
		}
	}
	if strings.Contains(body, "Xem mọi mô hình") || strings.Contains(body, "<script>alert") {
		t.Error("unscoped page offers to widen its scope, or carries script")
	}
	if fake.requests != 3 {
		t.Errorf("%d searches, want 1 for the facet and 1 per model", fake.requests)
	}
}

func TestModelsPageScoped(t *testing.T) {
	s, fake := newTestServer(t, nil)
	tests := []struct {
		target string
		want   []string
		not    []string
	}{
		{"/models?q=kh%C3%B4ng+c%C3%B3", []string{`<h2>Không có mô hình, phong trào nào</h2>`}, nil},
		{"/models?q=Qu%E1%BA%BF+V%C3%B5&example=true&page=3", []string{
			`Trong các bài khớp với: <strong>«Quế Võ»</strong>.`,
			`<a class="toggle selected" href="/models?q=Qu%E1%BA%BF&#43;V%C3%B5">✓ Chỉ điển hình</a>`,
			`<a href="/models">Xem mọi mô hình, phong trào</a>`,
			`<strong id="model-count">2</strong>`,
			`<input type="checkbox" id="example" name="example" value="true" checked>`,
			`<a href="/?example=true&amp;model=D%C3%A2n&#43;v%E1%BA%ADn&#43;kh%C3%A9o&amp;q=Qu%E1%BA%BF&#43;V%C3%B5&amp;sort=newest">Xem cả 1 bài ›</a>`,
		}, []string{"page=3"}},
		// Named models are shown alone, without searching for the others.
		{"/models?model=H%E1%BB%8Dc+t%E1%BA%ADp+v%C3%A0+l%C3%A0m+theo+B%C3%A1c&unit=Th%E1%BB%8B+%E1%BB%A7y+Qu%E1%BA%BF+V%C3%B5", []string{
			`Trong các bài khớp với: <strong>Đơn vị: Thị ủy Quế Võ</strong>.`,
			`<strong id="model-count">1</strong> mô hình, phong trào, xếp theo số bài.`,
			`<input type="hidden" name="unit" value="Thị ủy Quế Võ"><input type="hidden" name="model" value="Học tập và làm theo Bác">`,
		}, []string{">Dân vận khéo</a>"}},
	}
	for _, tt := range tests {
		w := get(t, s, tt.target)
		body := w.Body.String()
		if w.Code != 200 {
			t.Errorf("%s: status %d", tt.target, w.Code)
		}
		for _, want := range tt.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", tt.target, want)
			}
		}
		for _, not := range tt.not {
			if strings.Contains(body, not) {
				t.Errorf("%s has %s", tt.target, not)
			}
		}
	}
	// The last search was the named model's, within the scope.
	if req := fake.lastRequest(); len(req.Filters.Keywords["model"]) != 1 || req.Filters.Keywords["unit"][0] != "Thị ủy Quế Võ" {
		t.Errorf("a model's search %+v", req)
	}
}

func TestModelsPageErrors(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Timeout = 20e6 })
	tests := []struct {
		target string
		status int
		want   string
	}{
		{"/models?year=abc", 400, "Năm phải có dạng 2023"},
		{"/models?q=boom", 500, "Đã có lỗi xảy ra"},
		{"/models?q=slow", 504, "Tìm kiếm mất quá nhiều thời gian"},
		{"/models?model=X&q=boom", 500, "Đã có lỗi xảy ra"},
	}
	for _, tt := range tests {
		w := get(t, s, tt.target)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) ||
			!strings.Contains(w.Body.String(), `<h1>Mô hình, phong trào</h1>`) {
			t.Errorf("%s: status %d, want %d with %s", tt.target, w.Code, tt.status, tt.want)
		}
	}
}
