package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// exportParams are the parameters of /api/export: those of a search (its
// sort, page, size and group are ignored: rows come newest first, one per
// article), plus the format and the row limit.
var exportParams = append(append([]string{}, searchParams...), "format", "limit")

// exportTimeoutFactor multiplies the request timeout for a whole export.
const exportTimeoutFactor = 12

// exportFlushRows is how many rows go out between flushes to the client.
const exportFlushRows = 200

// Headers of an export's answer: the number of matches, and whether the
// rows stop short of it because of the limit.
const (
	headerExportTotal     = "X-Export-Total"
	headerExportTruncated = "X-Export-Truncated"
)

var csvHeader = []string{
	"id", "title", "source", "url", "published", "units", "directives", "documents", "example", "models",
}

// apiExport answers GET /api/export?format=csv with every match, newest
// first, up to limit rows (default and most: search.MaxExport), streamed as
// CSV for reports: UTF-8 with a BOM so that spreadsheets read Vietnamese.
func (s *Server) apiExport(c *gin.Context) {
	v := c.Request.URL.Query()
	req, limit, err := parseExport(v)
	if err != nil {
		s.failErr(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), exportTimeoutFactor*s.cfg.Timeout)
	defer cancel()
	// Counting first checks the query before the answer starts and tells
	// the client, in headers, whether the rows will stop at the limit.
	count := req
	count.Sort, count.Size, count.GroupSyndicated, count.Interval = search.SortNewest, 1, false, search.IntervalNone
	res, err := s.searcher.Search(ctx, count)
	if err != nil {
		s.exportFailed(req, 0, err)
		s.failErr(c, err)
		return
	}
	name := "vnsearch-" + time.Now().In(vietnam).Format("20060102-150405") + ".csv"
	h := c.Writer.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set(headerExportTotal, strconv.FormatUint(res.Total, 10))
	h.Set(headerExportTruncated, strconv.FormatBool(res.Total > uint64(limit)))
	c.Status(http.StatusOK)
	rows, err := s.writeCSV(ctx, c.Writer, req, limit)
	if err != nil {
		// The status is sent: break the connection, so that the client
		// sees a failed download rather than a silently short report.
		s.exportFailed(req, rows, err)
		panic(http.ErrAbortHandler)
	}
	s.log.Info("export", "q", req.Query, "rows", rows, "total", res.Total)
}

// exportFailed logs and counts an export that failed after rows rows.
func (s *Server) exportFailed(req search.Request, rows int, err error) {
	s.metrics.exportFailures.WithLabelValues(outcome(err)).Inc()
	s.log.Warn("export failed", "q", req.Query, "rows", rows, "err", err)
}

// parseExport reads the search, the format (only csv) and the row limit.
func parseExport(v url.Values) (search.Request, int, error) {
	if err := checkValues(v, exportParams); err != nil {
		return search.Request{}, 0, err
	}
	if f := v.Get("format"); f != "" && f != "csv" {
		return search.Request{}, 0, badf("format must be csv, got %q", f)
	}
	limit, err := clampInt(v, "limit", search.MaxExport, search.MaxExport)
	if err != nil {
		return search.Request{}, 0, err
	}
	req, err := parseSearch(without(v, "format", "limit"), true)
	return req, limit, err
}

// writeCSV streams the header and one row per article, flushing as it
// goes, and returns the number of rows written.
func (s *Server) writeCSV(ctx context.Context, w gin.ResponseWriter, req search.Request, limit int) (int, error) {
	cw := csv.NewWriter(w)
	flush := func() error {
		cw.Flush()
		w.Flush()
		return cw.Error()
	}
	w.WriteString("\ufeff") // a BOM, so spreadsheets read UTF-8
	cw.Write(csvHeader)
	rows := 0
	err := s.searcher.Export(ctx, req, limit, func(a *search.Article) error {
		if err := cw.Write(csvRow(a)); err != nil {
			return err
		}
		if rows++; rows%exportFlushRows == 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return rows, err
	}
	return rows, flush()
}

func csvRow(a *search.Article) []string {
	published := ""
	if !a.Published.IsZero() {
		published = a.Published.In(vietnam).Format(time.RFC3339)
	}
	return []string{
		cell(a.ID), cell(a.Title), cell(a.Source), cell(a.URL), published,
		cells(a.Units), cells(a.Directives), cells(a.Documents),
		strconv.FormatBool(a.Example), cells(a.Models),
	}
}

// cells joins the values of a multi-valued field into one cell.
func cells(values []string) string { return cell(strings.Join(values, "; ")) }

// cell defuses text that a spreadsheet would run as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// without returns a copy of v without the named parameters.
func without(v url.Values, names ...string) url.Values {
	out := make(url.Values, len(v))
	for k, vals := range v {
		out[k] = vals
	}
	for _, n := range names {
		delete(out, n)
	}
	return out
}
