package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHeldDataDirFailsFast runs every command on the data directory of a
// running serve: each fails, naming serve, its pid and what to run instead.
func TestHeldDataDirFailsFast(t *testing.T) {
	data := t.TempDir()
	base, stop := startServe(t, "--data", data)
	t.Cleanup(stop) // after the parallel subtests
	sources := writeSources(t, base+"/rss.xml")
	in := filepath.Join("testdata", "import.jsonl")
	holder := fmt.Sprintf("the index in %s is open by vnsearch serve (pid %d); ", data, os.Getpid())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--quiet", "--data", data, in}, "import into it with: vnsearch import --server " + base + " FILE"},
		{[]string{"stats", "--data", data}, base + "/metrics"},
		{[]string{"search", "--data", data, "dân"}, "curl '" + base + "/api/search?q="},
		{[]string{"crawl", "--data", data, "--sources", sources, "--once"}, base + "/api/admin/crawl"},
		{[]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, "it already serves at " + base},
		{[]string{"reindex", "--quiet", "--data", data}, "stop it first"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			t.Parallel()
			_, stderr, code := vnsearchWithin(t, 4*lockWait, tc.args...)
			if code == 0 {
				t.Fatalf("exit 0 on a held data dir")
			}
			if !strings.Contains(stderr, holder) || !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q\nwant %q and %q", stderr, holder, tc.want)
			}
		})
	}
}

// vnsearchWithin runs the command line in-process and fails the test when
// it has not returned within limit.
func vnsearchWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		stdout, stderr, code = vnsearch(t, args...)
	}()
	select {
	case <-done:
		return stdout, stderr, code
	case <-time.After(limit):
		t.Fatalf("%v still running after %v", args, limit)
	}
	return
}

// TestLockHeldByAnotherProcess holds the lock from a child process, as a
// command running beside this one would.
func TestLockHeldByAnotherProcess(t *testing.T) {
	data := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldLock$")
	cmd.Env = append(os.Environ(), "VNSEARCH_HOLD_LOCK="+data)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("child: %q", line)
	}
	_, stderr, code := vnsearchWithin(t, 4*lockWait, "import", "--quiet", "--data", data, filepath.Join("testdata", "import.jsonl"))
	want := fmt.Sprintf("the index in %s is open by vnsearch import (pid %d); wait for it to finish or stop it", data, cmd.Process.Pid)
	if code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := vnsearch(t, "import", "--quiet", "--data", data, filepath.Join("testdata", "import.jsonl")); code != 0 {
		t.Errorf("import after the holder left: %s", stderr)
	}
}

// TestHelperHoldLock is the child of TestLockHeldByAnotherProcess: it
// holds the lock until its standard input closes.
func TestHelperHoldLock(t *testing.T) {
	dir := os.Getenv("VNSEARCH_HOLD_LOCK")
	if dir == "" {
		t.Skip("run by TestLockHeldByAnotherProcess")
	}
	l, err := lockData(context.Background(), dir, "import")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// TestLockWaitStopsOnCancel: a command waiting for a held directory stops
// when interrupted.
func TestLockWaitStopsOnCancel(t *testing.T) {
	data := t.TempDir()
	l, err := lockData(context.Background(), data, "serve")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var got error
	wg.Go(func() { _, got = lockData(ctx, data, "stats") })
	cancel()
	wg.Wait()
	if got == nil || !strings.Contains(got.Error(), "context canceled") {
		t.Errorf("lock after cancel: %v", got)
	}
}
