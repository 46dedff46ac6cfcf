package web

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/search"
)

// maxIDBytes bounds an article id in a path.
const maxIDBytes = 256

// apiSearch answers GET /api/search.
func (s *Server) apiSearch(c *gin.Context) {
	req, err := parseSearch(c.Request.URL.Query(), true)
	if err != nil {
		s.failErr(c, err)
		return
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	res, err := s.searcher.Search(ctx, req)
	if err != nil {
		s.failErr(c, err)
		return
	}
	if res.Hits == nil { // the API promises arrays and objects, never null
		res.Hits = []search.Hit{}
	}
	if res.Facets == nil {
		res.Facets = map[string][]search.Facet{}
	}
	for name, values := range res.Facets {
		if values == nil {
			res.Facets[name] = []search.Facet{}
		}
	}
	c.JSON(http.StatusOK, res)
}

// apiArticle answers GET /api/articles/:id with the whole article.
func (s *Server) apiArticle(c *gin.Context) {
	a, err := s.article(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

// article reads the :id of the path and fetches that article.
func (s *Server) article(c *gin.Context) (*search.Article, error) {
	if err := checkValues(c.Request.URL.Query(), []string{}); err != nil {
		return nil, err
	}
	id := c.Param("id")
	if id == "" || len(id) > maxIDBytes || !utf8.ValidString(id) {
		return nil, badf("invalid article id").inVietnamese("Mã bài viết không hợp lệ.")
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	return s.searcher.Article(ctx, id)
}

// apiSuggest answers GET /api/suggest?q=&size= with completions of q.
func (s *Server) apiSuggest(c *gin.Context) {
	v := c.Request.URL.Query()
	if err := checkValues(v, []string{"q", "size"}); err != nil {
		s.failErr(c, err)
		return
	}
	q := strings.TrimLeft(v.Get("q"), " ")
	if len(q) > search.MaxQueryBytes {
		s.failErr(c, badf("query is too long: %d bytes, at most %d", len(q), search.MaxQueryBytes))
		return
	}
	n, err := clampInt(v, "size", defaultSuggest, maxSuggestSize)
	if err != nil {
		s.failErr(c, err)
		return
	}
	out := []string{}
	if strings.TrimSpace(q) != "" {
		ctx, cancel := s.withTimeout(c)
		defer cancel()
		got, err := s.searcher.Suggest(ctx, q, n)
		if err != nil {
			s.failErr(c, err)
			return
		}
		out = append(out, got...)
	}
	c.JSON(http.StatusOK, gin.H{"query": q, "suggestions": out})
}

// apiDirectives answers GET /api/directives with the directive catalog.
func (s *Server) apiDirectives(c *gin.Context) {
	if err := checkValues(c.Request.URL.Query(), []string{}); err != nil {
		s.failErr(c, err)
		return
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	ds, err := s.searcher.Directives(ctx)
	if err != nil {
		s.failErr(c, err)
		return
	}
	if ds == nil {
		ds = []search.Directive{}
	}
	c.JSON(http.StatusOK, gin.H{"directives": ds})
}

// admin reports whether the request carries the admin token, answering
// 403 or 401 when it does not.
func (s *Server) admin(c *gin.Context) bool {
	if s.cfg.AdminToken == "" {
		s.fail(c, http.StatusForbidden, "the admin API is disabled: no admin token is configured")
		return false
	}
	token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.AdminToken)) != 1 {
		c.Header("WWW-Authenticate", `Bearer realm="vnsearch admin"`)
		s.fail(c, http.StatusUnauthorized, "missing or wrong bearer token")
		return false
	}
	return true
}

// crawlRequest is the optional JSON body of POST /api/admin/crawl.
type crawlRequest struct {
	Source string `json:"source"`
}

// adminCrawl answers POST /api/admin/crawl: it starts a crawl of one source
// (or of all) when the bearer token matches the configured one.
func (s *Server) adminCrawl(c *gin.Context) {
	if !s.admin(c) {
		return
	}
	if s.cfg.Crawler == nil {
		s.fail(c, http.StatusServiceUnavailable, "no crawler: serve was started without --sources")
		return
	}
	source, err := crawlSource(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	if err := s.cfg.Crawler.Trigger(c.Request.Context(), source); err != nil {
		s.log.Warn("admin crawl refused", "source", source, "err", err)
		status := http.StatusConflict
		if errors.Is(err, indexer.ErrUnknownSource) {
			status = http.StatusNotFound
		}
		s.fail(c, status, err.Error())
		return
	}
	s.log.Info("admin crawl started", "source", source)
	c.JSON(http.StatusAccepted, gin.H{"status": "started", "source": source})
}

// crawlSource reads the source to crawl from ?source= or a JSON body.
func crawlSource(c *gin.Context) (string, error) {
	v := c.Request.URL.Query()
	if err := checkValues(v, []string{"source"}); err != nil {
		return "", err
	}
	source := v.Get("source")
	if c.Request.ContentLength != 0 && source == "" {
		var body crawlRequest
		dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, 4096))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			return "", badf("body must be JSON {\"source\": NAME}: %v", err)
		}
		source = body.Source
	}
	if len(source) > maxValueBytes || !utf8.ValidString(source) {
		return "", badf("invalid source name")
	}
	return strings.TrimSpace(source), nil
}
