package main

import (
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
		for range 40 {
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
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForSegment(t, filepath.Join(data, indexDirName, "store"))
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

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

// waitForSegment waits until the child has persisted a second segment.
func waitForSegment(t *testing.T, store string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if zaps, _ := filepath.Glob(filepath.Join(store, "*.zap")); len(zaps) > 1 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the child import never wrote a segment")
}
