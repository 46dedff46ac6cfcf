// Package corpustest reads the shared corpus of real articles (gzip JSONL)
// for tests that measure on it, skipping them when it is absent. It depends
// on nothing of vnsearch, so the recognizers' tests can use it.
package corpustest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Article is one article of the corpus, its text in NFC.
type Article struct{ ID, Title, Lead, Body string }

// Each calls fn with each article of the corpus file at path; it skips t
// when the file is absent and fails it when the file is unreadable.
func Each(t testing.TB, path string, fn func(Article)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		a.Title, a.Lead, a.Body = norm.NFC.String(a.Title), norm.NFC.String(a.Lead), norm.NFC.String(a.Body)
		fn(a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
}
