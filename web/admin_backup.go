package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// Backuper takes consistent snapshots of the data directory for
// GET /api/admin/backup while serving and indexing go on.
type Backuper interface {
	// Snapshot prepares a copy of the index and the crawl state; the
	// caller streams it with WriteTo and then closes it. It returns
	// ErrBackupRunning while another snapshot is open.
	Snapshot(ctx context.Context) (Snapshot, error)
}

// Snapshot is a prepared copy that writes itself as a tar stream.
type Snapshot interface {
	io.WriterTo
	Close() error
}

// ErrBackupRunning is the error of a snapshot asked for while another is
// being taken or streamed.
var ErrBackupRunning = errors.New("a backup is already running")

// backupStall bounds how long one write of the tar stream to a slow client
// may take; the server's write timeout is lifted for the whole stream.
const backupStall = time.Minute

// adminBackup answers GET /api/admin/backup with a tar of a consistent
// snapshot of the index and the crawl state.
func (s *Server) adminBackup(c *gin.Context) {
	if !s.admin(c) {
		return
	}
	if s.cfg.Backup == nil {
		s.fail(c, http.StatusServiceUnavailable, "backups are not available from this server")
		return
	}
	start := time.Now()
	snap, err := s.cfg.Backup.Snapshot(c.Request.Context())
	switch {
	case errors.Is(err, ErrBackupRunning):
		s.fail(c, http.StatusConflict, err.Error())
		return
	case err != nil:
		s.log.Error("backup snapshot failed", "err", err)
		s.fail(c, http.StatusInternalServerError, "the snapshot failed; the server log says why")
		return
	}
	defer snap.Close()
	c.Header("Content-Type", "application/x-tar")
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="vnsearch-%s.tar"`, start.UTC().Format("20060102T150405Z")))
	c.Status(http.StatusOK)
	n, err := snap.WriteTo(&deadlineWriter{w: c.Writer, rc: http.NewResponseController(c.Writer)})
	if err != nil {
		// The status is sent: the client sees a truncated tar.
		s.log.Error("backup stream failed", "bytes", n, "err", err)
		return
	}
	s.log.Info("backup sent", "bytes", n, "seconds", time.Since(start).Seconds())
}

// deadlineWriter gives each write backupStall to complete, in place of
// the server's write timeout, which a large backup outlasts.
type deadlineWriter struct {
	w  io.Writer
	rc *http.ResponseController
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	// Not every ResponseWriter supports deadlines (httptest's does not);
	// the server's own timeout then stays.
	_ = d.rc.SetWriteDeadline(time.Now().Add(backupStall))
	return d.w.Write(p)
}
