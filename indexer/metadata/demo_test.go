package metadata

import (
	"path/filepath"
	"testing"
)

// demoDir holds the bundled demo corpus and its labels, written by hand
// by other engineers: an independent check of the recognizers.
const demoDir = "../../search/demo"

// TestDemoCorpus measures Enrich on the demo articles against their
// labels. The figures are logged; the assertions are loose because a
// disagreement may be a labeling slip as well as a recognizer miss.
func TestDemoCorpus(t *testing.T) {
	articles, _ := filepath.Glob(filepath.Join(demoDir, "articles-*.jsonl"))
	if len(articles) == 0 {
		t.Fatalf("no demo articles match %s: the demo corpus ships in the repository", filepath.Join(demoDir, "articles-*.jsonl"))
	}
	byID := map[string]labeled{}
	for _, path := range articles {
		for _, a := range readJSONL[labeled](t, path) {
			byID[a.ID] = a
		}
	}
	labelFiles, _ := filepath.Glob(filepath.Join(demoDir, "testdata", "labels-*.jsonl"))
	if len(labelFiles) == 0 {
		t.Fatalf("no demo labels in %s", filepath.Join(demoDir, "testdata"))
	}
	var e evaluation
	for _, path := range labelFiles {
		for _, l := range readJSONL[labeled](t, path) {
			a, ok := byID[l.ID]
			if !ok {
				continue
			}
			l.Title, l.Lead, l.Body, l.Published = a.Title, a.Lead, a.Body, a.Published
			if l.Year == 0 {
				l.Year = Year(parseDate(t, a.Published))
			}
			e.run(t, l)
		}
	}
	if e.dated == 0 {
		t.Fatal("no demo label matches a demo article")
	}
	e.report(t, "demo corpus")
	for _, c := range []struct {
		field string
		s     score
		min   float64
	}{
		{"directives", e.directives, 0.90},
		{"units", e.units, 0.85},
	} {
		if c.s.precision() < c.min || c.s.recall() < c.min {
			t.Errorf("demo %s: %v, want precision and recall ≥ %.2f", c.field, c.s, c.min)
		}
	}
}
