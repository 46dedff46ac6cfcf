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

// exportParams are the parameters of /api/export: those of a search, whose
// page and size are ignored, plus the format.
var exportParams = append(append([]string{}, searchParams...), "format")

// exportTimeoutFactor multiplies the request timeout for a whole export,
// which runs one search per page of search.MaxSize matches.
const exportTimeoutFactor = 12

var csvHeader = []string{"id", "published", "source", "title", "url", "units", "directives", "example", "score"}

// apiExport answers GET /api/export?format=csv with every match (up to
// search.MaxPage pages of search.MaxSize), streamed as CSV for reports.
func (s *Server) apiExport(c *gin.Context) {
	v := c.Request.URL.Query()
	if err := checkValues(v, exportParams); err != nil {
		s.failErr(c, err)
		return
	}
	if f := v.Get("format"); f != "" && f != "csv" {
		s.failErr(c, badf("format must be csv, got %q", f))
		return
	}
	req, err := parseSearch(without(v, "format"), true)
	if err != nil {
		s.failErr(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), exportTimeoutFactor*s.cfg.Timeout)
	defer cancel()
	req.Page, req.Size = 1, search.MaxSize
	first, err := s.searcher.Search(ctx, req)
	if err != nil {
		s.failErr(c, err)
		return
	}
	name := "vnsearch-" + time.Now().In(vietnam).Format("20060102-150405") + ".csv"
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	c.Writer.WriteString("\ufeff") // a BOM, so spreadsheets read UTF-8
	w.Write(csvHeader)
	if err := s.exportPages(ctx, w, req, first); err != nil {
		s.log.Warn("export cut short", "q", req.Query, "err", err)
	}
	w.Flush()
}

// exportPages writes res and the pages after it until the matches or the
// page limit run out.
func (s *Server) exportPages(ctx context.Context, w *csv.Writer, req search.Request, res *search.Result) error {
	for {
		for _, h := range res.Hits {
			if err := w.Write(csvRow(h)); err != nil {
				return err
			}
		}
		if len(res.Hits) < req.Size || uint64(req.Page*req.Size) >= res.Total || req.Page >= search.MaxPage {
			return nil
		}
		w.Flush()
		req.Page++
		var err error
		if res, err = s.searcher.Search(ctx, req); err != nil {
			return err
		}
	}
}

func csvRow(h search.Hit) []string {
	published := ""
	if !h.Published.IsZero() {
		published = h.Published.Format(time.RFC3339)
	}
	return []string{
		cell(h.ID), published, cell(h.Source), cell(h.Title), cell(h.URL),
		cell(strings.Join(h.Units, "; ")), cell(strings.Join(h.Directives, "; ")),
		strconv.FormatBool(h.Example), strconv.FormatFloat(h.Score, 'f', 4, 64),
	}
}

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
