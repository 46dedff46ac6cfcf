package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// adminSources answers GET /api/admin/sources with the crawl status of
// every source: its last run (start, end, counts, failures with their
// reasons) and its next scheduled run.
func (s *Server) adminSources(c *gin.Context) {
	if !s.admin(c) {
		return
	}
	if s.cfg.Crawler == nil {
		s.fail(c, http.StatusServiceUnavailable, "no crawler: serve was started without --sources")
		return
	}
	if err := checkValues(c.Request.URL.Query(), []string{}); err != nil {
		s.failErr(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"sources": s.cfg.Crawler.Sources()})
}
