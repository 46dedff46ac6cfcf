package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/vnsearch/vnsearch/search"
)

// metrics are the server's Prometheus collectors, in a registry of their
// own so that several servers (tests) never collide.
type metrics struct {
	registry        *prometheus.Registry
	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec
	searchDuration  *prometheus.HistogramVec
	suggestDuration *prometheus.HistogramVec
	exportDuration  *prometheus.HistogramVec
	searchesRunning prometheus.Gauge
	imported        prometheus.Counter
	exportFailures  *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vnsearch_http_requests_total",
			Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "status"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vnsearch_http_request_duration_seconds",
			Help:    "HTTP request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"route", "method"}),
		searchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vnsearch_search_duration_seconds",
			Help:    "Index search latency by outcome (ok, bad_query, not_found, timeout, error).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"outcome"}),
		suggestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vnsearch_suggest_duration_seconds",
			Help:    "Suggest-as-you-type latency by outcome.",
			Buckets: prometheus.ExponentialBuckets(0.0002, 2.5, 10),
		}, []string{"outcome"}),
		exportDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vnsearch_export_duration_seconds",
			Help:    "CSV export duration (index reads and writing to the client) by outcome.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10),
		}, []string{"outcome"}),
		searchesRunning: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "vnsearch_searches_running",
			Help: "Searches running on the index (at most the server's search limit).",
		}),
		exportFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vnsearch_export_failures_total",
			Help: "CSV exports that failed, before or while streaming, by outcome (bad_query, timeout, error).",
		}, []string{"outcome"}),
		imported: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "vnsearch_imported_articles_total",
			Help: "Articles written by POST /api/admin/import.",
		}),
	}
	m.registry.MustRegister(m.requests, m.requestDuration, m.searchDuration, m.suggestDuration, m.exportDuration, m.searchesRunning, m.imported, m.exportFailures,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// middleware counts and times every request by its route pattern (never
// the raw path, which would make label cardinality unbounded).
func (m *metrics) middleware(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).Inc()
	m.requestDuration.WithLabelValues(route, c.Request.Method).Observe(time.Since(start).Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// outcome names the class of a searcher error for metric labels.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, search.ErrBadQuery):
		return "bad_query"
	case errors.Is(err, search.ErrNotFound):
		return "not_found"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "timeout"
	default:
		return "error"
	}
}
