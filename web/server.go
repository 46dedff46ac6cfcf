package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// DefaultTimeout bounds the work of one request on the index.
const DefaultTimeout = 5 * time.Second

// Config configures a Server. Only Searcher is required.
type Config struct {
	Searcher Searcher
	// Crawler serves POST /api/admin/crawl and GET /api/admin/sources;
	// nil answers 503.
	Crawler Crawler
	// Backup serves GET /api/admin/backup; nil answers 503.
	Backup Backuper
	// Importer serves POST /api/admin/import; nil answers 503.
	Importer Importer
	// PublicURL is the scheme, host and path prefix readers reach the
	// server at (https://tin.example.vn): the feed's absolute links are
	// built from it, never from a request's Host header. Empty: links
	// relative to the root.
	PublicURL string
	// AdminToken is the bearer token of the admin API; empty disables it.
	AdminToken string
	// CORSOrigins may call the API from a browser and frame the page:
	// exact origins such as "https://news.example.vn", or "*".
	CORSOrigins []string
	// Timeout bounds each request's work on the index (DefaultTimeout).
	Timeout time.Duration
	// MaxSearches bounds the searches running at once; more wait for a
	// slot within their timeout (default: two per core).
	MaxSearches int
	// Ready reports whether the index is ready to serve (/readyz); nil
	// means always ready.
	Ready func(ctx context.Context) error
	// Logger receives request and error logs; nil discards them.
	Logger *slog.Logger
}

// Validate reports a configuration that cannot serve.
func (c Config) Validate() error {
	if c.Searcher == nil {
		return errors.New("web: no searcher")
	}
	if c.Timeout < 0 || c.MaxSearches < 0 {
		return fmt.Errorf("web: negative timeout %v or search limit %d", c.Timeout, c.MaxSearches)
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return fmt.Errorf("web: public URL %q must be http(s)://host[:port][/path]", c.PublicURL)
		}
	}
	for _, o := range c.CORSOrigins {
		if !validOrigin(o) {
			return fmt.Errorf("web: CORS origin %q must be \"*\" or scheme://host[:port] with http or https", o)
		}
	}
	return nil
}

// validOrigin accepts "*" and exact origins such as https://a.vn:8443;
// origins also go into the Content-Security-Policy, so nothing else may.
func validOrigin(o string) bool {
	if o == "*" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.Scheme+"://"+u.Host == o && !strings.ContainsAny(o, " ;,'\"")
}

// Server is the HTTP front of the index: the JSON API, the page, health
// and metrics. It is an http.Handler.
type Server struct {
	cfg      Config
	searcher Searcher
	log      *slog.Logger
	metrics  *metrics
	pages    *pages
	engine   *gin.Engine
	// importing holds the one import allowed at a time.
	importing chan struct{}
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxSearches == 0 {
		cfg.MaxSearches = defaultMaxSearches()
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, metrics: newMetrics(), pages: pg, importing: make(chan struct{}, 1)}
	limited := newLimitedSearcher(cfg.Searcher, cfg.MaxSearches, s.metrics.searchesRunning)
	s.searcher = meteredSearcher{next: limited, log: log, metrics: s.metrics}
	s.engine = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

func (s *Server) routes() *gin.Engine {
	e := gin.New()
	e.HandleMethodNotAllowed = true
	// Logs show the peer's address: X-Forwarded-For is not trusted unless
	// a proxy in front is configured to set it, which this server cannot know.
	_ = e.SetTrustedProxies(nil)
	e.Use(s.recoverer, s.logRequests, s.metrics.middleware, s.securityHeaders, s.cors)
	e.NoRoute(s.notFound)
	e.NoMethod(func(c *gin.Context) { s.fail(c, http.StatusMethodNotAllowed, "method not allowed") })

	e.GET("/", s.searchPage)
	e.GET("/articles/:id", s.articlePage)
	e.GET("/models", s.modelsPage)
	e.GET("/static/*file", s.static)
	e.GET("/search.rss", s.feed)

	api := e.Group("/api")
	api.GET("/search", s.apiSearch)
	api.GET("/articles/:id", s.apiArticle)
	api.GET("/suggest", s.apiSuggest)
	api.GET("/directives", s.apiDirectives)
	api.GET("/export", s.apiExport)
	api.GET("/openapi.json", s.openAPI)
	api.POST("/admin/crawl", s.adminCrawl)
	api.GET("/admin/sources", s.adminSources)
	api.GET("/admin/backup", s.adminBackup)

	s.coverageRoutes(e)
	api.POST("/admin/import", s.adminImport)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", gin.WrapH(s.metrics.handler()))
	// Uptime monitors and link checkers ask with HEAD: every page and
	// API answer it (net/http drops the body).
	head := map[string]bool{}
	for _, r := range e.Routes() {
		head[r.Path] = head[r.Path] || r.Method == http.MethodHead
	}
	for _, r := range e.Routes() {
		if r.Method == http.MethodGet && !head[r.Path] {
			e.HEAD(r.Path, r.HandlerFunc)
		}
	}
	return e
}

// withTimeout bounds the index work of one request.
func (s *Server) withTimeout(c *gin.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Request.Context(), s.cfg.Timeout)
}

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) readyz(c *gin.Context) {
	if s.cfg.Ready != nil {
		ctx, cancel := s.withTimeout(c)
		defer cancel()
		if err := s.cfg.Ready(ctx); err != nil {
			s.log.Warn("not ready", "err", err)
			c.JSON(http.StatusServiceUnavailable, gin.H{"status": "not ready", "error": err.Error()})
			return
		}
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}
