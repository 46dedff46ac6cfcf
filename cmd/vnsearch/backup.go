package main

import (
	"archive/tar"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("backup", command{
		summary: "write a consistent tar snapshot of a data dir, from a running server or offline",
		run:     runBackup,
	})
}

// Bounds of an online backup: the server copies the index before the
// first byte, then every read must progress.
const (
	backupHeaderTimeout = 30 * time.Minute
	backupReadStall     = 2 * time.Minute
)

type backupConfig struct {
	Server, Token, Data, File string
}

func parseBackupFlags(args []string, stderr io.Writer, getenv func(string) string) (backupConfig, error) {
	var cfg backupConfig
	fs := newFlags("backup", "vnsearch backup --server URL [--token T] FILE.tar\n       vnsearch backup --data DIR FILE.tar", stderr)
	fs.StringVar(&cfg.Server, "server", "", "URL of a running vnsearch serve")
	fs.StringVar(&cfg.Token, "token", getenv("VNSEARCH_ADMIN_TOKEN"), "admin token of --server (default $VNSEARCH_ADMIN_TOKEN)")
	fs.StringVar(&cfg.Data, "data", "", "data directory no process holds (offline backup)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	switch {
	case fs.NArg() != 1:
		fs.Usage()
		return cfg, errors.New("one output FILE is required")
	case (cfg.Server == "") == (cfg.Data == ""):
		fs.Usage()
		return cfg, errors.New("give either --server or --data")
	case cfg.Server != "" && cfg.Token == "":
		return cfg, errors.New("no admin token: give --token or set VNSEARCH_ADMIN_TOKEN")
	}
	cfg.File = fs.Arg(0)
	return cfg, nil
}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseBackupFlags(args, stderr, os.Getenv)
	if err != nil {
		return err
	}
	var files int
	err = writeAtomically(cfg.File, func(f *os.File) error {
		if cfg.Server != "" {
			files, err = downloadBackup(ctx, cfg.Server, cfg.Token, f)
		} else {
			files, err = offlineBackup(ctx, cfg.Data, f)
		}
		return err
	})
	if err != nil {
		return err
	}
	fi, err := os.Stat(cfg.File)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s: %d files, %d bytes\n", cfg.File, files, fi.Size())
	return nil
}

// writeAtomically writes path through a temporary file beside it, renamed
// over path only once write succeeded and the data is on disk.
func writeAtomically(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".partial-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	return syncParent(path)
}

// offlineBackup writes a snapshot of a data dir no process holds to w.
func offlineBackup(ctx context.Context, data string, w io.Writer) (int, error) {
	dir := filepath.Join(data, indexDirName)
	if !search.Exists(dir) {
		return 0, fmt.Errorf("no index in %s", data)
	}
	lock, err := lockData(ctx, data, "backup")
	if err != nil {
		return 0, err
	}
	defer lock.Close()
	ix, err := search.OpenAnyVersion(dir)
	if err != nil {
		return 0, err
	}
	defer ix.Close()
	s := &snapshotter{data: data, ix: ix}
	sn, err := s.Snapshot(ctx)
	if err != nil {
		return 0, err
	}
	defer sn.Close()
	pr, pw := io.Pipe()
	defer pr.Close()
	go func() { _, err := sn.WriteTo(pw); pw.CloseWithError(err) }()
	return verifyTar(io.TeeReader(pr, w))
}

// downloadBackup streams GET /api/admin/backup of server to w, checking
// that the tar is whole.
func downloadBackup(ctx context.Context, server, token string, w io.Writer) (int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/api/admin/backup", nil)
	if err != nil {
		return 0, fmt.Errorf("backup request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	client := &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		ResponseHeaderTimeout: backupHeaderTimeout,
		TLSHandshakeTimeout:   30 * time.Second,
	}}
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("ask %s for a backup: %w", server, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s answered %s: %s", server, resp.Status, errorMessage(resp.Body))
	}
	body := &stallReader{r: resp.Body, timer: time.AfterFunc(backupReadStall, func() { cancel(errStalled) })}
	defer body.timer.Stop()
	files, err := verifyTar(io.TeeReader(body, w))
	if err != nil {
		if cause := context.Cause(ctx); cause != nil {
			err = cause
		}
		return files, fmt.Errorf("download the backup: %w", err)
	}
	return files, nil
}

// errorMessage reads the {"error": …} of an error answer.
func errorMessage(r io.Reader) string {
	var e struct{ Error string }
	b, _ := io.ReadAll(io.LimitReader(r, 64<<10))
	if json.Unmarshal(b, &e) == nil && e.Error != "" {
		return e.Error
	}
	return strings.TrimSpace(string(b))
}

// errStalled ends a download that made no progress for backupReadStall.
var errStalled = fmt.Errorf("no data for %v", backupReadStall)

// stallReader cancels its request when one read waits longer than
// backupReadStall.
type stallReader struct {
	r     io.Reader
	timer *time.Timer // cancels the request when it fires
}

func (s *stallReader) Read(p []byte) (int, error) {
	s.timer.Reset(backupReadStall)
	return s.r.Read(p)
}

// verifyTar reads a tar stream to its end, and the rest of r after it,
// returning the number of regular files: an error says it is cut short or
// not a tar.
func verifyTar(r io.Reader) (int, error) {
	tr := tar.NewReader(r)
	files := 0
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return files, fmt.Errorf("the backup is not a whole tar: %w", err)
		}
		if _, err := io.Copy(io.Discard, tr); err != nil {
			return files, fmt.Errorf("the backup is not a whole tar: %s: %w", hdr.Name, err)
		}
		if hdr.Typeflag == tar.TypeReg {
			files++
		}
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		return files, err
	}
	if files == 0 {
		return 0, errors.New("the backup holds no file")
	}
	return files, nil
}
