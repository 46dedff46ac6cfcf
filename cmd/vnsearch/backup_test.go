package main

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/indexer/state"
)

// heldState is a crawler that holds the crawl state open, as the
// scheduler of serve --sources does.
type heldState struct{ db *state.DB }

func (h heldState) CopyState(path string) error                 { return h.db.CopyTo(path) }
func (h heldState) Trigger(ctx context.Context, _ string) error { return nil }
func (h heldState) Sources() []indexer.SourceStatus             { return nil }

func TestBackupDuringAnImportRestoresAConsistentIndex(t *testing.T) {
	const batch = 20
	data := t.TempDir()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	db, err := state.Open(filepath.Join(data, crawlDBName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Put(state.Record{ID: "crawled-1", URL: "https://bao.example/c1", Status: state.Indexed}); err != nil {
		t.Fatal(err)
	}
	cfg := defaultServeConfig()
	cfg.Data, cfg.AdminToken = data, "s3cret"
	h, err := newHandler(cfg, ix, heldState{db}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	// The import: batches of articles, each acknowledged when Index returns.
	var acked atomic.Int64
	stop := make(chan struct{})
	imported := make(chan error, 1)
	go func() {
		for k := 1; ; k += batch {
			select {
			case <-stop:
				imported <- nil
				return
			default:
			}
			if err := ix.Index(context.Background(), numbered(k, batch)...); err != nil {
				imported <- err
				return
			}
			acked.Store(int64(k + batch - 1))
		}
	}()
	for acked.Load() < 3*batch {
		time.Sleep(time.Millisecond)
	}
	file := filepath.Join(t.TempDir(), "backup.tar")
	before := acked.Load()
	out, errOut, code := vnsearch(t, "backup", "--server", srv.URL, "--token", "s3cret", file)
	after := acked.Load()
	close(stop)
	if err := <-imported; err != nil {
		t.Fatal(err)
	}
	if code != 0 || !strings.Contains(out, "backup written to "+file) {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}

	restored := filepath.Join(t.TempDir(), "restored")
	out, errOut, code = vnsearch(t, "restore", "--data", restored, file)
	if code != 0 {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	var n int64
	if _, err := fmt.Sscanf(out, "restored %d articles", &n); err != nil {
		t.Fatalf("restore said %q", out)
	}
	t.Logf("backup during the import: %d articles acknowledged before, %d in the backup, %d after", before, n, after)
	if n%batch != 0 || n < before || n > after {
		t.Fatalf("the backup holds %d articles: not a prefix of whole batches of %d between %d and %d", n, batch, before, after)
	}
	checkArticles(t, restored, numbered(1, int(n)))
	rdb, err := state.Open(filepath.Join(restored, crawlDBName))
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	if rec, ok, err := rdb.Get("crawled-1"); !ok || err != nil || rec.Status != state.Indexed {
		t.Errorf("the crawl state was not restored: %v %v %+v", ok, err, rec)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(data, snapshotPrefix+"*")); len(leftovers) > 0 {
		t.Errorf("snapshot directories left in the data dir: %v", leftovers)
	}
}

func TestOfflineBackupAndRestore(t *testing.T) {
	data := t.TempDir()
	arts := numbered(1, 7)
	fillIndex(t, data, "0-older", arts) // a backup does not care about the version
	db, err := state.Open(filepath.Join(data, crawlDBName))
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(db.Put(state.Record{ID: "c1", Status: state.Indexed}), db.Close()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.tar")
	if out, errOut, code := vnsearch(t, "backup", "--data", data, file); code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	restored := t.TempDir() // empty: accepted
	out, errOut, code := vnsearch(t, "restore", "--data", restored, file)
	if code != 0 || !strings.Contains(out, "restored 7 articles into "+restored) {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "rebuild it with: vnsearch reindex --data "+restored) {
		t.Errorf("restoring an older index does not say how to rebuild it:\n%s", errOut)
	}
	if _, errOut, code := vnsearch(t, "reindex", "--quiet", "--data", restored); code != 0 {
		t.Fatal(errOut)
	}
	checkArticles(t, restored, arts)
	if _, err := os.Stat(filepath.Join(restored, crawlDBName)); err != nil {
		t.Errorf("crawl.db not restored: %v", err)
	}

	// Into a directory that holds anything: refused, nothing touched.
	_, errOut, code = vnsearch(t, "restore", "--data", data, file)
	if code == 0 || !strings.Contains(errOut, "the directory is not empty") {
		t.Errorf("restore into a full directory: exit %d: %s", code, errOut)
	}
	checkArticles(t, restored, arts)
}

func TestBackupArgs(t *testing.T) {
	for _, args := range [][]string{
		{"backup"}, {"backup", "f.tar"}, {"backup", "--data", "d", "--server", "http://x", "f.tar"},
		{"backup", "--server", "http://127.0.0.1:1", "f.tar"},                  // no token
		{"backup", "--data", t.TempDir(), filepath.Join(t.TempDir(), "f.tar")}, // no index
		{"restore", "f.tar"}, {"restore", "--data", t.TempDir()}, {"restore", "--data", t.TempDir(), "no-such.tar"},
	} {
		t.Setenv("VNSEARCH_ADMIN_TOKEN", "")
		if _, _, code := vnsearch(t, args...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
}

// tarOf builds a tar of entries; a nil body makes a directory.
type tarEntry struct {
	hdr  tar.Header
	body string
}

func tarOf(t testing.TB, entries ...tarEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, e := range entries {
		h := e.hdr
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(e.body))
		}
		if h.Mode == 0 {
			h.Mode = 0o644
		}
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func reg(name, body string) tarEntry {
	return tarEntry{tar.Header{Typeflag: tar.TypeReg, Name: name}, body}
}

func TestRestoreRefusesHostileTars(t *testing.T) {
	meta := reg("index/index_meta.json", `{"storage":"scorch","index_type":"scorch"}`)
	tests := []struct {
		name string
		tar  []byte
		want string
	}{
		{"absolute path", tarOf(t, reg("/etc/cron.d/x", "boom")), "unsafe path"},
		{"climbing path", tarOf(t, reg("index/../../x", "boom")), "unsafe path"},
		{"dot-dot", tarOf(t, reg("../x", "boom")), "unsafe path"},
		{"unclean path", tarOf(t, reg("index//store/x", "boom")), "unsafe path"},
		{"symlink", tarOf(t, tarEntry{tar.Header{Typeflag: tar.TypeSymlink, Name: "index/store", Linkname: "/etc"}, ""}), "not a regular file"},
		{"hard link", tarOf(t, tarEntry{tar.Header{Typeflag: tar.TypeLink, Name: "crawl.db", Linkname: "/etc/passwd"}, ""}), "not a regular file"},
		{"fifo", tarOf(t, tarEntry{tar.Header{Typeflag: tar.TypeFifo, Name: "index/f"}, ""}), "not a regular file"},
		{"foreign file", tarOf(t, reg("notes.txt", "hi")), "not part of a vnsearch data dir"},
		{"written twice", tarOf(t, meta, meta), "file exists"},
		{"too big", tarOf(t, reg("index/big", strings.Repeat("x", 2048))), "more than 1024 bytes"},
		{"no index", tarOf(t, reg("crawl.db", "x")), "holds no index"},
		{"not an index", tarOf(t, meta), "does not open"},
		{"not a tar", []byte(strings.Repeat("garbage ", 100)), "read the backup"},
		{"cut short", tarOf(t, reg("index/a", strings.Repeat("x", 1000)))[:700], "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			data := filepath.Join(root, "data")
			_, _, err := restore(context.Background(), bytes.NewReader(tt.tar), data, 1024)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if left, _ := os.ReadDir(root); len(left) != 0 {
				t.Errorf("a refused restore left %v", left)
			}
		})
	}
}

// FuzzExtractTar: whatever the tar, nothing is written outside the
// directory and nothing but directories and regular files is created.
func FuzzExtractTar(f *testing.F) {
	f.Add(tarOf(f, tarEntry{tar.Header{Typeflag: tar.TypeDir, Name: "index/"}, ""}, reg("index/a", "x"), reg("crawl.db", "y")))
	f.Add(tarOf(f, reg("../x", "boom")))
	f.Add(tarOf(f, tarEntry{tar.Header{Typeflag: tar.TypeSymlink, Name: "index/s", Linkname: ".."}, ""}))
	f.Fuzz(func(t *testing.T, b []byte) {
		root := t.TempDir()
		dir := filepath.Join(root, "x")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		_ = extractTar(context.Background(), bytes.NewReader(b), dir, 1<<20)
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != root && path != dir && !strings.HasPrefix(path, dir+string(filepath.Separator)) {
				t.Errorf("written outside: %s", path)
			}
			if !d.IsDir() && !d.Type().IsRegular() {
				t.Errorf("special file: %s", path)
			}
			return nil
		})
	})
}
