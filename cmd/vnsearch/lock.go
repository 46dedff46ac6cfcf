package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// lockFileName is the lock of a data directory: every command that opens
// the directory holds it (an exclusive flock) while it runs, and writes in
// it who it is, so that another command can say who holds the directory.
// Backups and restores leave it out.
const lockFileName = "LOCK"

// lockWait is how long a command waits for a held data directory before
// it gives up.
const lockWait = 5 * time.Second

// lockHolder is the record in the lock file.
type lockHolder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	URL     string    `json:"url,omitempty"` // where serve answers
	Since   time.Time `json:"since"`
}

// dataLock is a held data directory.
type dataLock struct {
	f      *os.File
	holder lockHolder
}

// HeldError reports a data directory another process holds.
type HeldError struct {
	Dir     string
	Command string     // the command that wanted the directory
	Holder  lockHolder // zero when the holder wrote no record
}

func (e *HeldError) Error() string {
	who := "another process"
	if e.Holder.Command != "" {
		who = fmt.Sprintf("vnsearch %s (pid %d)", e.Holder.Command, e.Holder.PID)
	} else if e.Holder.PID != 0 {
		who = fmt.Sprintf("another process (pid %d)", e.Holder.PID)
	}
	return fmt.Sprintf("the index in %s is open by %s; %s", e.Dir, who, e.advice())
}

// advice says what to do instead of waiting: talk to the server that
// holds the directory, or stop the holder.
func (e *HeldError) advice() string {
	url := e.Holder.URL
	if e.Holder.Command != "serve" || url == "" {
		return "wait for it to finish or stop it, then run the command again"
	}
	switch e.Command {
	case "import":
		return fmt.Sprintf("import into it with: vnsearch import --server %s FILE", url)
	case "search":
		return fmt.Sprintf("search it with: curl '%s/api/search?q=…' or open %s", url, url)
	case "stats":
		return fmt.Sprintf("see its numbers at %s/metrics, or stop it first", url)
	case "crawl":
		return fmt.Sprintf("it crawls its own sources; start a crawl with: curl -X POST -H \"Authorization: Bearer $VNSEARCH_ADMIN_TOKEN\" %s/api/admin/crawl", url)
	case "backup":
		return fmt.Sprintf("back it up with: vnsearch backup --server %s FILE", url)
	case "serve":
		return fmt.Sprintf("it already serves at %s", url)
	}
	return fmt.Sprintf("it serves at %s; stop it first", url)
}

// lockData takes the lock of the data directory dir (created when absent)
// for command, waiting at most lockWait (or until ctx ends) while another
// process holds it; then it fails with a *HeldError.
func lockData(ctx context.Context, dir, command string) (*dataLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	path := filepath.Join(dir, lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open the lock of %s: %w", dir, err)
	}
	if err := waitLock(ctx, f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			held := &HeldError{Dir: dir, Command: command, Holder: readHolder(path)}
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%w; stopped waiting: %w", held, ctx.Err())
			}
			return nil, held
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	l := &dataLock{f: f, holder: lockHolder{PID: os.Getpid(), Command: command, Since: time.Now().UTC()}}
	if err := l.write(); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// waitLock tries the lock every 100 ms until it is taken, lockWait has
// passed or ctx ends.
func waitLock(ctx context.Context, f *os.File) error {
	deadline := time.NewTimer(lockWait)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		err := tryLock(f)
		if !errors.Is(err, errLocked) {
			return err
		}
		select {
		case <-deadline.C:
			return err
		case <-ctx.Done():
			return err
		case <-tick.C:
		}
	}
}

// readHolder reads the record of the lock file at path; a missing or
// unreadable record is the zero holder.
func readHolder(path string) lockHolder {
	var h lockHolder
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &h)
	}
	return h
}

// SetURL records where serve answers, for the messages of other commands.
func (l *dataLock) SetURL(url string) error {
	l.holder.URL = strings.TrimRight(url, "/")
	return l.write()
}

func (l *dataLock) write() error {
	b, err := json.Marshal(l.holder)
	if err != nil {
		return fmt.Errorf("write the lock record: %w", err)
	}
	if err := l.f.Truncate(0); err != nil {
		return fmt.Errorf("write the lock record: %w", err)
	}
	if _, err := l.f.WriteAt(append(b, '\n'), 0); err != nil {
		return fmt.Errorf("write the lock record: %w", err)
	}
	return nil
}

// Close releases the lock. The file stays, with the last holder's record:
// removing it could race with a process about to lock it.
func (l *dataLock) Close() error {
	if err := l.f.Close(); err != nil {
		return fmt.Errorf("release the data directory lock: %w", err)
	}
	return nil
}
