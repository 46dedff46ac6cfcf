package web

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/indexer/ingest"
)

// Importer loads a body in the import format into the index, as
// `vnsearch import` does (ingest.Load over the index).
type Importer func(ctx context.Context, r io.Reader) (ingest.Summary, error)

// importIdle bounds the wait for the next bytes of an import's body: an
// upload may last as long as it progresses.
const importIdle = time.Minute

// adminImport answers POST /api/admin/import: the body, JSONL (gzip when
// Content-Encoding says so or the body starts like gzip), is loaded as it
// arrives; the answer is the summary. One import runs at a time.
func (s *Server) adminImport(c *gin.Context) {
	if !s.admin(c) {
		return
	}
	if s.cfg.Importer == nil {
		s.fail(c, http.StatusServiceUnavailable, "this server takes no imports")
		return
	}
	select {
	case s.importing <- struct{}{}:
		defer func() { <-s.importing }()
	default:
		s.fail(c, http.StatusConflict, "another import is running; try again when it ends")
		return
	}
	body, err := importBody(c)
	if err != nil {
		s.failErr(c, err)
		return
	}
	rc := http.NewResponseController(c.Writer)
	// The server's write timeout is meant for searches: the answer of an
	// import comes when the whole body is loaded.
	_ = rc.SetWriteDeadline(time.Time{})
	sum, err := s.cfg.Importer(c.Request.Context(), &idleReader{r: body, rc: rc})
	_ = rc.SetWriteDeadline(time.Now().Add(importIdle))
	s.metrics.imported.Add(float64(sum.Indexed))
	if err != nil {
		status, msg := importStatus(err)
		s.logFailure(c, status, err)
		s.log.Warn("import stopped", "indexed", sum.Indexed, "line_errors", sum.Malformed, "err", err)
		c.JSON(status, gin.H{"error": msg, "summary": sum})
		return
	}
	s.log.Info("import", "indexed", sum.Indexed, "new", sum.New, "updated", sum.Updated,
		"malformed", sum.Malformed, "truncated", sum.Truncated, "seconds", sum.Seconds)
	c.JSON(http.StatusOK, sum)
}

// importBody is the request body, decompressed when Content-Encoding is
// gzip (a gzip body without the header is recognized by the loader).
func importBody(c *gin.Context) (io.Reader, error) {
	switch enc := strings.ToLower(strings.TrimSpace(c.GetHeader("Content-Encoding"))); enc {
	case "", "identity":
		return c.Request.Body, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(c.Request.Body)
		if err != nil {
			return nil, badf("Content-Encoding is gzip but the body is not: %v", err)
		}
		return gz, nil
	default:
		return nil, badf("Content-Encoding %q: send gzip or nothing", enc)
	}
}

// importStatus maps the error that stopped an import: a broken body is
// the client's, a failed write the server's.
func importStatus(err error) (int, string) {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the import was interrupted: " + err.Error()
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, errBodyRead):
		return http.StatusBadRequest, err.Error()
	}
	return http.StatusInternalServerError, "the import failed: " + err.Error()
}

// errBodyRead marks an error of reading the request body.
var errBodyRead = errors.New("read the body")

// idleReader pushes the read deadline of the connection forward at every
// read, so that an upload lasts as long as it progresses.
type idleReader struct {
	r  io.Reader
	rc *http.ResponseController
}

func (i *idleReader) Read(p []byte) (int, error) {
	_ = i.rc.SetReadDeadline(time.Now().Add(importIdle))
	n, err := i.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %w", errBodyRead, err)
	}
	return n, err
}
