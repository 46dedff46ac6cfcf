package model

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// demoDir holds the bundled demo corpus and its labels, written by other
// engineers: an independent check.
const demoDir = "../../search/demo"

// labeled is an article with its expected example flag and models.
type labeled struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Lead    string   `json:"lead"`
	Body    string   `json:"body"`
	Example bool     `json:"example"`
	Models  []string `json:"models"`
}

func readJSONL(t testing.TB, path string) []labeled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []labeled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var l labeled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// demoLabeled joins the demo articles with their labels.
func demoLabeled(t testing.TB) []labeled {
	texts := map[string]labeled{}
	paths, _ := filepath.Glob(filepath.Join(demoDir, "articles-*.jsonl"))
	for _, p := range paths {
		for _, a := range readJSONL(t, p) {
			texts[a.ID] = a
		}
	}
	var out []labeled
	paths, _ = filepath.Glob(filepath.Join(demoDir, "testdata", "labels-*.jsonl"))
	for _, p := range paths {
		for _, l := range readJSONL(t, p) {
			if a, ok := texts[l.ID]; ok {
				l.Title, l.Lead, l.Body = a.Title, a.Lead, a.Body
				out = append(out, l)
			}
		}
	}
	return out
}

// counts is a confusion count.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestLabeled measures Classify on the demo corpus and the passages of
// testdata/passages.jsonl.
func TestLabeled(t *testing.T) {
	set := append(demoLabeled(t), readJSONL(t, "testdata/passages.jsonl")...)
	if len(set) < 40 {
		t.Fatalf("%d labeled articles, want at least 40", len(set))
	}
	var ex, mo counts
	for _, l := range set {
		example, models := Classify(l.Title, l.Lead, l.Body)
		switch {
		case example && l.Example:
			ex.tp++
		case example:
			ex.fp++
			t.Logf("%s: example, labeled not: %s", l.ID, l.Title)
		case l.Example:
			ex.fn++
			t.Logf("%s: not an example, labeled one: %s", l.ID, l.Title)
		}
		for _, m := range models {
			if slices.Contains(l.Models, m) {
				mo.tp++
			} else {
				mo.fp++
				t.Logf("%s: extra model %q", l.ID, m)
			}
		}
		for _, m := range l.Models {
			if !slices.Contains(models, m) {
				mo.fn++
				t.Logf("%s: missed model %q", l.ID, m)
			}
		}
	}
	t.Logf("%d articles: example precision %.3f recall %.3f (tp %d fp %d fn %d); models precision %.3f recall %.3f (tp %d fp %d fn %d)",
		len(set), ex.precision(), ex.recall(), ex.tp, ex.fp, ex.fn, mo.precision(), mo.recall(), mo.tp, mo.fp, mo.fn)
	if ex.precision() < 0.85 || ex.recall() < 0.85 {
		t.Errorf("example precision %.3f recall %.3f, want both ≥ 0.85", ex.precision(), ex.recall())
	}
	if mo.recall() < 0.9 {
		t.Errorf("model recall %.3f, want ≥ 0.9", mo.recall())
	}
}
