package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// fakeBackuper hands out a snapshot of fixed content, or err.
type fakeBackuper struct {
	err    error
	closed bool
}

func (f *fakeBackuper) Snapshot(context.Context) (Snapshot, error) {
	if f.err != nil {
		return nil, f.err
	}
	return fakeSnapshot{f}, nil
}

type fakeSnapshot struct{ f *fakeBackuper }

func (s fakeSnapshot) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, "tar bytes")
	return int64(n), err
}

func (s fakeSnapshot) Close() error { s.f.closed = true; return nil }

func TestAdminBackup(t *testing.T) {
	bearer := http.Header{"Authorization": {"Bearer s3cret"}}
	tests := []struct {
		name     string
		token    string
		backuper *fakeBackuper
		header   http.Header
		status   int
		body     string
	}{
		{"disabled without a token", "", &fakeBackuper{}, bearer, 403, "admin API is disabled"},
		{"wrong token", "s3cret", &fakeBackuper{}, http.Header{"Authorization": {"Bearer guess"}}, 401, "wrong bearer token"},
		{"not available", "s3cret", nil, bearer, 503, "not available"},
		{"another running", "s3cret", &fakeBackuper{err: ErrBackupRunning}, bearer, 409, "already running"},
		{"snapshot failed", "s3cret", &fakeBackuper{err: errors.New("disk full")}, bearer, 500, "server log"},
		{"streamed", "s3cret", &fakeBackuper{}, bearer, 200, "tar bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(c *Config) {
				c.AdminToken = tt.token
				if tt.backuper != nil {
					c.Backup = tt.backuper
				}
			})
			w := do(t, s, http.MethodGet, "/api/admin/backup", tt.header)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.body) {
				t.Fatalf("status %d, body %q; want %d, %q", w.Code, w.Body, tt.status, tt.body)
			}
			if tt.status == 200 {
				if ct := w.Header().Get("Content-Type"); ct != "application/x-tar" {
					t.Errorf("Content-Type %q", ct)
				}
				if !tt.backuper.closed {
					t.Error("the snapshot was not closed")
				}
			}
		})
	}
}
