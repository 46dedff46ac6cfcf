package main

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/vnsearch/vnsearch/indexer/state"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/web"
)

// snapshotPrefix starts the names of the directories snapshots are copied
// into, inside the data dir (same filesystem, and writable under the
// systemd unit's ProtectSystem=strict).
const snapshotPrefix = ".backup-"

// stateCopier copies the crawl state a running crawler holds open.
type stateCopier interface {
	CopyState(path string) error
}

// snapshotter takes consistent snapshots of a data directory, one at a
// time, while it is served: the crawl state first, then the index, so that
// every article the state marks indexed is in the index copy (an article
// indexed in between is in the copy and crawled again, harmlessly).
type snapshotter struct {
	data  string
	ix    *search.Index
	state stateCopier // nil: no crawler holds DIR/crawl.db, copy the file
	mu    sync.Mutex  // held from Snapshot to snapshot.Close
}

// newSnapshotter returns the snapshotter of a served data dir; crawler,
// when it crawls, holds the crawl state.
func newSnapshotter(data string, ix *search.Index, crawler web.Crawler) *snapshotter {
	st, _ := crawler.(stateCopier)
	return &snapshotter{data: data, ix: ix, state: st}
}

// Snapshot implements web.Backuper.
func (s *snapshotter) Snapshot(ctx context.Context) (web.Snapshot, error) {
	if !s.mu.TryLock() {
		return nil, web.ErrBackupRunning
	}
	sn, err := s.take(ctx)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	return sn, nil
}

func (s *snapshotter) take(ctx context.Context) (*snapshot, error) {
	if err := removeStaleSnapshots(s.data); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(s.data, snapshotPrefix)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	sn := &snapshot{dir: dir, unlock: s.mu.Unlock}
	if err := s.copyInto(ctx, dir); err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	return sn, nil
}

func (s *snapshotter) copyInto(ctx context.Context, dir string) error {
	statePath := filepath.Join(dir, crawlDBName)
	switch src := filepath.Join(s.data, crawlDBName); {
	case s.state != nil:
		if err := s.state.CopyState(statePath); err != nil {
			return err
		}
	case fileExists(src):
		if err := state.CopyFile(src, statePath); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.ix.CopyTo(filepath.Join(dir, indexDirName))
}

// removeStaleSnapshots removes the snapshot directories a killed process
// left in data.
func removeStaleSnapshots(data string) error {
	stale, err := filepath.Glob(filepath.Join(data, snapshotPrefix+"*"))
	if err != nil {
		return err
	}
	for _, d := range stale {
		if err := os.RemoveAll(d); err != nil {
			return fmt.Errorf("remove a stale snapshot: %w", err)
		}
	}
	return nil
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// snapshot is a copy of a data directory on disk, ready to stream.
type snapshot struct {
	dir    string
	unlock func()
	once   sync.Once
}

// WriteTo writes the snapshot to w as a tar of crawl.db and index/…,
// paths relative to the data dir.
func (sn *snapshot) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	tw := tar.NewWriter(cw)
	err := filepath.WalkDir(sn.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == sn.dir {
			return err
		}
		rel, err := filepath.Rel(sn.dir, path)
		if err != nil {
			return err
		}
		return addToTar(tw, path, filepath.ToSlash(rel), d)
	})
	if err == nil {
		err = tw.Close()
	}
	if err != nil {
		return cw.n, fmt.Errorf("write the backup: %w", err)
	}
	return cw.n, nil
}

// addToTar writes the file or directory at path as name.
func addToTar(tw *tar.Writer, path, name string, d fs.DirEntry) error {
	fi, err := d.Info()
	if err != nil {
		return err
	}
	if d.IsDir() {
		return tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: 0o755, ModTime: fi.ModTime()})
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: 0o644, Size: fi.Size(), ModTime: fi.ModTime()}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

// Close removes the snapshot and lets the next one be taken.
func (sn *snapshot) Close() error {
	err := os.RemoveAll(sn.dir)
	sn.once.Do(sn.unlock)
	return err
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
