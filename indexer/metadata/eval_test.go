package metadata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// labeled is one passage of testdata/labeled.jsonl (or a demo article
// with its labels): the text and the metadata it must yield.
type labeled struct {
	ID         string   `json:"id"`
	Published  string   `json:"published"`
	Title      string   `json:"title"`
	Lead       string   `json:"lead"`
	Text       string   `json:"text"`
	Body       string   `json:"body"`
	Seed       string   `json:"seed"` // a file of ../../../shared/seed: title line, then body
	Units      []string `json:"units"`
	Directives []string `json:"directives"`
	Documents  []string `json:"documents"`
	Year       int      `json:"year"`
}

// score counts set agreement over a labeled set (micro-averaged).
type score struct{ tp, fp, fn int }

func (s *score) add(got, want []string) (missing, extra []string) {
	for _, w := range want {
		if slices.Contains(got, w) {
			s.tp++
		} else {
			s.fn++
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			s.fp++
			extra = append(extra, g)
		}
	}
	return missing, extra
}

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func (s score) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f (tp=%d fp=%d fn=%d)", s.precision(), s.recall(), s.tp, s.fp, s.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// evaluation is the per-field score of Enrich over a set.
type evaluation struct {
	units, directives, documents score
	years, dated                 int
}

func (e *evaluation) run(t *testing.T, l labeled) {
	a := search.Article{Title: l.Title, Lead: l.Lead, Body: l.Text + l.Body, Published: parseDate(t, l.Published)}
	Enrich(&a)
	for _, f := range []struct {
		name      string
		s         *score
		got, want []string
	}{
		{"units", &e.units, a.Units, l.Units},
		{"directives", &e.directives, a.Directives, l.Directives},
		{"documents", &e.documents, a.Documents, l.Documents},
	} {
		if missing, extra := f.s.add(f.got, f.want); len(missing)+len(extra) > 0 {
			t.Logf("%s %s: missing %q, extra %q", l.ID, f.name, missing, extra)
		}
	}
	e.dated++
	if a.Year == l.Year {
		e.years++
	} else {
		t.Logf("%s year: got %d, want %d", l.ID, a.Year, l.Year)
	}
}

func (e *evaluation) report(t *testing.T, name string) {
	t.Logf("%s: units %v", name, e.units)
	t.Logf("%s: directives %v", name, e.directives)
	t.Logf("%s: documents %v", name, e.documents)
	t.Logf("%s: year %d/%d correct", name, e.years, e.dated)
}

func parseDate(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly, "02/01/2006 15:04"} {
		if d, err := time.ParseInLocation(layout, s, vietnam); err == nil {
			return d
		}
	}
	t.Fatalf("bad date %q", s)
	return time.Time{}
}

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// seedDir holds the real seed article, outside the repository.
const seedDir = "../../../shared/seed"

// loadSeed fills l's title and body from its seed file; false when the
// file is absent.
func loadSeed(t *testing.T, l *labeled) bool {
	data, err := os.ReadFile(filepath.Join(seedDir, l.Seed))
	if err != nil {
		t.Logf("seed %s absent, skipped: %v", l.Seed, err)
		return false
	}
	l.Title, l.Body, _ = strings.Cut(string(data), "\n")
	return true
}

// TestLabeledSet measures Enrich on testdata/labeled.jsonl: short passages
// written for the tricky cases, plus the seed article when present.
// go test -v -run TestLabeledSet ./indexer/metadata/ prints the figures.
func TestLabeledSet(t *testing.T) {
	set := readJSONL[labeled](t, "testdata/labeled.jsonl")
	if len(set) < 40 {
		t.Fatalf("labeled set has %d passages, want at least 40", len(set))
	}
	var e evaluation
	for _, l := range set {
		if l.Seed != "" && !loadSeed(t, &l) {
			continue
		}
		e.run(t, l)
	}
	e.report(t, "labeled set")
	for _, c := range []struct {
		field string
		s     score
		min   float64
	}{
		{"directives", e.directives, 0.95},
		{"units", e.units, 0.90},
		{"documents", e.documents, 0.95},
	} {
		if c.s.precision() < c.min || c.s.recall() < c.min {
			t.Errorf("%s: %v, want precision and recall ≥ %.2f", c.field, c.s, c.min)
		}
	}
	if e.years != e.dated {
		t.Errorf("year correct for %d of %d passages", e.years, e.dated)
	}
}
