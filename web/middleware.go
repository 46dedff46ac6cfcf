package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// statusOf maps an error of a handler to its HTTP status and the message
// shown to the client; internal errors are not shown.
func statusOf(err error) (int, string) {
	switch {
	case isBadRequest(err), errors.Is(err, search.ErrBadQuery):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "the search took too long; try a narrower query"
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "request canceled"
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// fail answers a JSON error.
func (s *Server) fail(c *gin.Context, status int, msg string) {
	c.AbortWithStatusJSON(status, gin.H{"error": msg})
}

// failErr answers a JSON error for err, logging the ones that are ours.
func (s *Server) failErr(c *gin.Context, err error) {
	status, msg := statusOf(err)
	s.logFailure(c, status, err)
	s.fail(c, status, msg)
}

func (s *Server) logFailure(c *gin.Context, status int, err error) {
	if status >= http.StatusInternalServerError {
		s.log.Error("request failed", "path", c.Request.URL.Path, "status", status, "err", err)
	}
}

func (s *Server) notFound(c *gin.Context) {
	if isAPI(c.Request.URL.Path) {
		s.fail(c, http.StatusNotFound, "no such endpoint")
		return
	}
	s.renderError(c, http.StatusNotFound, "Không tìm thấy trang này.")
}

func isAPI(path string) bool { return strings.HasPrefix(path, "/api/") }

// recoverer turns a panic into a logged 500.
func (s *Server) recoverer(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			s.log.Error("panic serving request", "path", c.Request.URL.Path, "panic", r)
			s.fail(c, http.StatusInternalServerError, "internal error")
		}
	}()
	c.Next()
}

func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.log.LogAttrs(c.Request.Context(), slog.LevelInfo, "request",
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.Int("status", c.Writer.Status()),
		slog.Int("bytes", c.Writer.Size()),
		slog.Duration("took", time.Since(start)),
		slog.String("remote", c.ClientIP()))
}

// securityHeaders sets a strict policy: no inline script or style, no
// plugins, and framing only by the origins allowed to embed.
func (s *Server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	ancestors := "'self'"
	if len(s.cfg.CORSOrigins) > 0 {
		ancestors += " " + strings.Join(s.cfg.CORSOrigins, " ")
	} else {
		h.Set("X-Frame-Options", "SAMEORIGIN")
	}
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "+
		"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "+
		"frame-ancestors "+ancestors)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	c.Next()
}

// cors lets the configured origins call the read-only API from a browser.
// The admin API is never allowed cross-origin: Authorization is not an
// allowed header.
func (s *Server) cors(c *gin.Context) {
	origin := c.GetHeader("Origin")
	path := c.Request.URL.Path
	allowed := origin != "" && (isAPI(path) || path == "/search.rss") &&
		!strings.HasPrefix(path, "/api/admin/") && s.corsAllows(origin)
	h := c.Writer.Header()
	if len(s.cfg.CORSOrigins) > 0 {
		h.Add("Vary", "Origin")
	}
	if allowed {
		if slices.Contains(s.cfg.CORSOrigins, "*") {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
		}
		h.Set("Access-Control-Expose-Headers", headerExportTotal+", "+headerExportTruncated)
	}
	if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
		if allowed {
			h.Set("Access-Control-Allow-Methods", "GET, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Accept, Content-Type")
			h.Set("Access-Control-Max-Age", "600")
		}
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	c.Next()
}

func (s *Server) corsAllows(origin string) bool {
	return slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin)
}
