package model

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/analyzers/words"
	"github.com/vnsearch/vnsearch/internal/corpustest"
)

// corpusDir holds the shared real-article corpus (measurement only).
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

var explain = flag.Bool("explain", false, "log the cues of every labeled corpus article")

// corpusLabel is one line of testdata/corpus_labels.jsonl: an article of
// the shared corpus and whether it presents a model to follow, judged by
// reading it. The sample is 100 articles drawn at random, 60 the
// classifier of the time flagged and 40 it did not flag that hold two or
// more of "mô hình", "phong trào", "điển hình", "gương", "cuộc vận động",
// "nhân rộng", "hưởng ứng" (the near misses).
type corpusLabel struct {
	ID      string `json:"id"`
	Sample  string `json:"sample"`
	Example bool   `json:"example"`
}

// TestCorpusLabels measures the example flag on the labeled corpus
// sample: precision and recall at least 0.8 each. It skips when the
// corpus is absent.
func TestCorpusLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	labels := map[string]corpusLabel{}
	for _, l := range readLabels(t) {
		labels[l.ID] = l
	}
	var tp, fp, fn, seen int
	for _, name := range []string{"crawls.jsonl.gz", "datasets.jsonl.gz"} {
		corpustest.Each(t, filepath.Join(corpusDir, name), func(a corpustest.Article) {
			l, ok := labels[a.ID]
			if !ok {
				return
			}
			seen++
			got, _ := Classify(a.Title, a.Lead, a.Body)
			switch {
			case got && l.Example:
				tp++
			case got:
				fp++
				t.Logf("flagged, not an example: %s %q", a.ID, a.Title)
			case l.Example:
				fn++
				t.Logf("missed example: %s %q", a.ID, a.Title)
			}
			if *explain {
				t.Logf("%s %v/%v %s", a.ID, got, l.Example, explainText(a.Title, a.Lead, a.Body))
			}
		})
	}
	if seen != len(labels) {
		t.Fatalf("found %d of %d labeled articles in the corpus", seen, len(labels))
	}
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("corpus sample (%d articles, %d examples): precision %.2f recall %.2f (tp=%d fp=%d fn=%d)", seen, tp+fn, p, r, tp, fp, fn)
	if p < 0.8 || r < 0.8 {
		t.Errorf("precision %.2f recall %.2f, want both at least 0.80", p, r)
	}
}

// explainText lists the cues of each section with their weights and the
// models named.
func explainText(titleText, leadText, bodyText string) string {
	if strings.TrimSpace(leadText) == "" {
		leadText, bodyText = splitLead(bodyText)
	}
	var sb strings.Builder
	for s, raw := range [...]string{titleText, leadText, bodyText} {
		t := words.New(raw)
		fmt.Fprintf(&sb, " [%d:", s)
		for _, h := range cues.Scan(t) {
			fmt.Fprintf(&sb, " %s(%d)", h.Value.phrase, h.Value.weight)
		}
		found, ifExample := names(t)
		fmt.Fprintf(&sb, " | %q %q]", found, ifExample)
	}
	return sb.String()
}

// readLabels reads testdata/corpus_labels.jsonl.
func readLabels(t *testing.T) []corpusLabel {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus_labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLabel
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l corpusLabel
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("corpus_labels.jsonl: %v", err)
		}
		out = append(out, l)
	}
	return out
}
