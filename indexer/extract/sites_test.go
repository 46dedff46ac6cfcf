package extract

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sites holds model pages written after the layouts of the major
// Vietnamese news sites, each with a .json of what must be extracted.
const sites = "../testdata/sites"

// expected is the .json beside a model page.
type expected struct {
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Lead      string    `json:"lead"`
	Published time.Time `json:"published"`
	// Body lists the article's paragraphs in order; Optional lists text
	// that may be in the body or not (captions, the author's signature).
	Body     []string `json:"body"`
	Optional []string `json:"optional"`
	// Absent is boilerplate that must be nowhere in title, lead or body.
	Absent []string `json:"absent"`
}

func loadSites(t testing.TB) map[string]expected {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sites, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no model pages in %s: %v", sites, err)
	}
	out := map[string]expected{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var e expected
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(f, ".json")+".html"] = e
	}
	return out
}

func extractSite(t testing.TB, file string, e expected) *Page {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(e.URL)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(string(raw), u, Selectors{})
	if err != nil {
		t.Fatalf("extract %s: %v", file, err)
	}
	return p
}

func TestSites(t *testing.T) {
	for file, e := range loadSites(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			p := extractSite(t, file, e)
			if p.Title != e.Title {
				t.Errorf("title = %q\nwant    %q", p.Title, e.Title)
			}
			if p.Lead != e.Lead {
				t.Errorf("lead = %q\nwant   %q", p.Lead, e.Lead)
			}
			if !p.Published.Equal(e.Published) {
				t.Errorf("published = %v, want %v", p.Published, e.Published)
			}
			var body []string
			for _, line := range strings.Split(p.Body, "\n") {
				if !slices.Contains(e.Optional, line) {
					body = append(body, line)
				}
			}
			if !slices.Equal(body, e.Body) {
				t.Errorf("body =\n%s\nwant\n%s", strings.Join(body, "\n"), strings.Join(e.Body, "\n"))
			}
			for _, a := range e.Absent {
				for _, f := range []string{p.Title, p.Lead, p.Body} {
					if strings.Contains(f, a) {
						t.Errorf("boilerplate %q extracted in %q", a, f)
					}
				}
			}
		})
	}
}
