package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/ingest"
	"github.com/vnsearch/vnsearch/search"
)

// crashChildEnv makes the test binary act as `vnsearch import` in the crash
// test's child process.
const crashChildEnv = "VNSEARCH_IMPORT_CRASH_CHILD"

func TestMain(m *testing.M) {
	if args := os.Getenv(crashChildEnv); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			panic(err)
		}
		os.Exit(run(context.Background(), argv, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestImportKilledMidway kills an import with SIGKILL while it writes, then
// checks that the index opens, holds whole batches only, and that running
// the import again completes it without duplicates.
func TestImportKilledMidway(t *testing.T) {
	const n = 6 * ingest.DefaultBatchArticles
	dir := t.TempDir()
	input := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := range n {
		body := fmt.Sprintf("Bài số %d về công tác xây dựng Đảng ở cơ sở. ", i)
		for range 12 {
			body += "Đảng ủy xã lãnh đạo xây dựng nông thôn mới, hòa giải ở cơ sở, thủy lợi nội đồng. "
		}
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("a%05d", i), "title": fmt.Sprintf("Bài %d", i), "body": body}); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	data := filepath.Join(dir, "data")
	args, _ := json.Marshal([]string{"import", "--quiet", "--data", data, input})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+string(args))
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := waitForSegment(filepath.Join(data, indexDirName, "store"), exited); err != nil {
		cmd.Process.Kill()
		t.Fatalf("%v; the child's stderr:\n%s", err, childErr.Bytes())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited

	ix, err := openIndex(data)
	if err != nil {
		t.Fatalf("index after kill: %v", err)
	}
	got, err := ix.Count()
	ix.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got%ingest.DefaultBatchArticles != 0 || got > n {
		t.Errorf("after the kill the index holds %d articles: not whole batches of %d", got, ingest.DefaultBatchArticles)
	}
	t.Logf("killed with %d of %d articles indexed", got, n)

	if out, errOut, code := vnsearch(t, "import", "--quiet", "--data", data, input); code != 0 {
		t.Fatalf("re-run: %s %s", out, errOut)
	}
	ix, err = openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got, _ := ix.Count(); got != n {
		t.Errorf("after the re-run the index holds %d articles, want %d", got, n)
	}
	res, err := ix.Search(context.Background(), search.Request{Query: fmt.Sprintf(`"Bài số %d"`, n-1)})
	if err != nil || res.Total != 1 {
		t.Errorf("last article: %v, %+v", err, res)
	}
}

// waitForSegment waits until the child has persisted a second segment, and
// fails when the child exits first or takes longer than a race-built import
// on a busy machine ever should (about 20 s for two batches on 2 idle cores).
func waitForSegment(store string, exited <-chan error) error {
	timeout := time.After(3 * time.Minute)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("the child import ended (%v) before a second segment was written", err)
		case <-timeout:
			return fmt.Errorf("the child import wrote no second segment in 3 minutes")
		case <-tick.C:
			if zaps, _ := filepath.Glob(filepath.Join(store, "*.zap")); len(zaps) > 1 {
				return nil
			}
		}
	}
}
