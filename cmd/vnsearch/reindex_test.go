package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// numbered returns n articles from first on, each holding the marker word
// of its number (marker) once.
func numbered(first, n int) []search.Article {
	arts := make([]search.Article, n)
	for i := range arts {
		k := first + i
		arts[i] = search.Article{
			ID: fmt.Sprintf("a%05d", k), Source: "Báo Thử", URL: fmt.Sprintf("https://bao.example/a%05d", k),
			Title:     fmt.Sprintf("Đảng ủy xã Chi Lăng họp lần %d", k),
			Lead:      "Hội nghị bàn công tác xây dựng Đảng.",
			Body:      fmt.Sprintf("Thực hiện Chỉ thị 05-CT/TW, các chi bộ báo cáo kết quả. Mã %s. Kết thúc bài %d.", marker(k), k),
			Published: time.Date(2023, 5, 2, 8, 0, 0, 0, time.UTC),
		}
	}
	return arts
}

// marker is a word only article k holds.
func marker(k int) string { return fmt.Sprintf("kt%dzz", k) }

// fillIndex creates the index of data with arts, as a binary of analysis
// version built with.
func fillIndex(t *testing.T, data, builtWith string, arts []search.Article) {
	t.Helper()
	saved := search.AnalysisVersion
	search.AnalysisVersion = builtWith
	defer func() { search.AnalysisVersion = saved }()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index(context.Background(), arts...); err != nil {
		t.Fatal(err)
	}
}

// checkArticles fails unless the index of data holds exactly want, each
// complete and found once by its marker word.
func checkArticles(t *testing.T, data string, want []search.Article) {
	t.Helper()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != uint64(len(want)) {
		t.Errorf("%d articles, want %d", n, len(want))
	}
	ctx := context.Background()
	for _, a := range want {
		got, err := ix.Article(ctx, a.ID)
		if err != nil {
			t.Errorf("article %s: %v", a.ID, err)
			continue
		}
		if got.Body != a.Body || got.Title != a.Title || got.URL != a.URL {
			t.Errorf("article %s is not complete: %+v", a.ID, got)
		}
		k := strings.TrimPrefix(a.ID, "a")
		res, err := ix.Search(ctx, search.Request{Query: "kt" + strings.TrimLeft(k, "0") + "zz", Size: 5})
		if err != nil || res.Total != 1 || res.Hits[0].ID != a.ID {
			t.Errorf("search for the marker of %s: %v %+v", a.ID, err, res)
		}
	}
}

func TestReindexAfterAnAnalysisChange(t *testing.T) {
	data := t.TempDir()
	arts := numbered(1, 30)
	fillIndex(t, data, "0-older", arts)

	_, errOut, code := vnsearch(t, "stats", "--data", data)
	want := fmt.Sprintf("the index in %s was built by analysis version 0-older; this binary uses %s; rebuild it with: vnsearch reindex --data %s",
		filepath.Join(data, indexDirName), search.AnalysisVersion, data)
	if code == 0 || !strings.Contains(errOut, want) {
		t.Fatalf("stats on an older index: exit %d, stderr\n%s\nwant\n%s", code, errOut, want)
	}

	out, errOut, code := vnsearch(t, "reindex", "--data", data, "--quiet")
	if code != 0 || !strings.Contains(out, "reindexed 30 articles") {
		t.Fatalf("reindex: exit %d\n%s%s", code, out, errOut)
	}
	checkArticles(t, data, arts)
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	got, err := ix.Article(context.Background(), "a00001")
	if err != nil || got.Year != 2023 || !contains(got.Directives, "05-CT/TW") || !contains(got.Units, "Đảng ủy xã Chi Lăng") {
		t.Errorf("metadata not recomputed: %v %+v", err, got)
	}
	if _, err := os.Stat(filepath.Join(data, reindexDirName)); !os.IsNotExist(err) {
		t.Errorf("%s left behind: %v", reindexDirName, err)
	}
}

func TestReindexInterruptedLeavesTheOldIndex(t *testing.T) {
	data := t.TempDir()
	arts := numbered(1, 12)
	fillIndex(t, data, "0-older", arts)

	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C before the first page is written
	var out, errb strings.Builder
	if code := run(ctx, []string{"reindex", "--data", data, "--quiet"}, &out, &errb); code == 0 {
		t.Fatalf("an interrupted reindex exits 0: %s", out.String())
	}
	if _, err := os.Stat(filepath.Join(data, reindexDirName)); !os.IsNotExist(err) {
		t.Errorf("an interrupted reindex leaves %s: %v", reindexDirName, err)
	}
	old, err := search.OpenAnyVersion(filepath.Join(data, indexDirName))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := old.Version()
	n, _ := old.Count()
	old.Close()
	if v != "0-older" || n != 12 {
		t.Errorf("the old index changed: version %q, %d articles", v, n)
	}

	// A run killed midway leaves a partial index.new: the next run starts over.
	partial := filepath.Join(data, reindexDirName)
	if err := os.MkdirAll(filepath.Join(partial, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(partial, "index_meta.json"), []byte("{trunc"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := vnsearch(t, "reindex", "--data", data, "--quiet"); code != 0 {
		t.Fatalf("reindex after a killed run: %s", errOut)
	}
	checkArticles(t, data, arts)
}

func TestReindexWithoutIndex(t *testing.T) {
	if _, errOut, code := vnsearch(t, "reindex", "--data", t.TempDir()); code == 0 || !strings.Contains(errOut, "no index in") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
