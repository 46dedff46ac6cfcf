package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages are the parsed templates, one set per page sharing base.html.
type pages struct {
	search, article, error, models *template.Template
	// coverage: a directive's and a unit's page, their lists, compare
	directive, unit, directives, units, compare *template.Template
}

func loadPages() (*pages, error) {
	funcs := template.FuncMap{"snippet": safeSnippet, "inc": func(i int) int { return i + 1 }}
	parse := func(name string) (*template.Template, error) {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/chart.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		return t, nil
	}
	var p pages
	var err error
	if p.search, err = parse("search.html"); err != nil {
		return nil, err
	}
	if p.article, err = parse("article.html"); err != nil {
		return nil, err
	}
	if p.error, err = parse("error.html"); err != nil {
		return nil, err
	}
	if p.models, err = parse("models.html"); err != nil {
		return nil, err
	}
	for _, pg := range []struct {
		dst  **template.Template
		name string
	}{
		{&p.directive, "directive.html"}, {&p.unit, "unit.html"}, {&p.directives, "directives.html"},
		{&p.units, "units.html"}, {&p.compare, "compare.html"},
	} {
		if *pg.dst, err = parse(pg.name); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(c *gin.Context, status int, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		s.log.Error("render page", "template", t.Name(), "err", err)
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// errorView is the data of the error page.
type errorView struct {
	Title   string
	Status  int
	Message string
}

func (s *Server) renderError(c *gin.Context, status int, msg string) {
	s.render(c, status, s.pages.error, errorView{Title: "Lỗi", Status: status, Message: msg})
	c.Abort()
}

// pageMessage is the Vietnamese text shown on the page for an error.
func pageMessage(err error) (int, string) {
	status, msg := statusOf(err)
	var bad *badRequest
	switch {
	case errors.As(err, &bad) && bad.vi != "":
		return status, bad.vi
	case status == http.StatusBadRequest:
		return status, "Câu tìm kiếm không hợp lệ: " + msg
	case status == http.StatusNotFound:
		return status, "Không tìm thấy bài viết này."
	case status == http.StatusGatewayTimeout:
		return status, "Tìm kiếm mất quá nhiều thời gian. Hãy thu hẹp câu tìm kiếm hoặc thêm bộ lọc."
	}
	return status, "Đã có lỗi xảy ra. Vui lòng thử lại sau."
}

// searchPage answers GET / with the search page.
func (s *Server) searchPage(c *gin.Context) {
	v := c.Request.URL.Query()
	req, err := parseSearch(v, false)
	view := &searchView{Title: "Tìm kiếm", Req: req, state: pageState(v)}
	if req.Query != "" {
		view.Title = req.Query + " – Tìm kiếm"
	}
	if err != nil {
		s.renderSearchError(c, view, err)
		return
	}
	if view.Landing = req.Query == "" && req.Filters.Empty(); view.Landing {
		s.landing(c, view)
		return
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	res, err := s.searcher.Search(ctx, req)
	if err != nil {
		s.renderSearchError(c, view, err)
		return
	}
	view.fill(res)
	view.First = s.firstAppearance(ctx, req.Query)
	s.render(c, http.StatusOK, s.pages.search, view)
}

func (s *Server) renderSearchError(c *gin.Context, view *searchView, err error) {
	status, msg := pageMessage(err)
	s.logFailure(c, status, err)
	view.Error = msg
	s.render(c, status, s.pages.search, view)
}

// landing shows examples and the most cited directives.
func (s *Server) landing(c *gin.Context, view *searchView) {
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	ds, err := s.searcher.Directives(ctx)
	if err != nil {
		s.log.Warn("landing: list directives", "err", err)
	}
	view.fillLanding(ds)
	s.render(c, http.StatusOK, s.pages.search, view)
}

// articlePage answers GET /articles/:id with one article.
func (s *Server) articlePage(c *gin.Context) {
	a, err := s.article(c)
	if err != nil {
		status, msg := pageMessage(err)
		s.logFailure(c, status, err)
		s.renderError(c, status, msg)
		return
	}
	s.render(c, http.StatusOK, s.pages.article, newArticleView(a))
}

// static serves the embedded CSS and JavaScript.
func (s *Server) static(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	data, err := fs.ReadFile(staticFS, "static/"+name)
	if err != nil || name == "" {
		s.notFound(c)
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, contentType(name), data)
}

func contentType(name string) string {
	switch {
	case strings.HasSuffix(name, ".css"):
		return "text/css; charset=utf-8"
	case strings.HasSuffix(name, ".js"):
		return "text/javascript; charset=utf-8"
	case strings.HasSuffix(name, ".svg"):
		return "image/svg+xml"
	}
	return "application/octet-stream"
}

// link builds a page URL from parameters.
func link(v url.Values) string {
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}
