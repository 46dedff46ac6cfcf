// Command compare scores the extraction pipeline (go-readability and the
// extract package's heuristics) against go-trafilatura (with go-htmldate)
// on the model pages of indexer/testdata/sites, and prints a Markdown
// table: per page, exact title, lead and date, and for the body the recall
// of the expected paragraphs, the precision of what was extracted (share
// of its letters that are article text: expected paragraphs, lead,
// title, captions) and the boilerplate leaked.
//
// It is a module of its own so that go-trafilatura is not a dependency of
// vnsearch:
//
//	cd indexer/extract/compare && go run . ../../testdata/sites
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/indexer/extract"
)

// expected is the .json beside a model page (see extract's sites_test.go).
type expected struct {
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Lead      string    `json:"lead"`
	Published time.Time `json:"published"`
	Body      []string  `json:"body"`
	Optional  []string  `json:"optional"`
	Absent    []string  `json:"absent"`
}

// result is what one extractor gave for one page.
type result struct {
	title, lead string
	published   time.Time
	body        []string
}

// extractor names one way of extracting a page.
type extractor struct {
	name string
	run  func(html string, u *url.URL) (result, error)
}

var extractors = []extractor{
	{"readability+heuristics", ours},
	{"trafilatura", traf(false)},
	{"trafilatura+fallback", traf(true)},
	{"ours, trafilatura body", combined},
}

func ours(html string, u *url.URL) (result, error) {
	p, err := extract.Extract(html, u, extract.Selectors{})
	if err != nil {
		return result{}, err
	}
	return result{p.Title, p.Lead, p.Published, strings.Split(p.Body, "\n")}, nil
}

func traf(fallback bool) func(string, *url.URL) (result, error) {
	return func(html string, u *url.URL) (result, error) {
		r, err := trafilatura.Extract(strings.NewReader(html), trafilatura.Options{OriginalURL: u, EnableFallback: fallback, ExcludeComments: true})
		if err != nil {
			return result{}, err
		}
		return result{r.Metadata.Title, r.Metadata.Description, r.Metadata.Date, strings.Split(r.ContentText, "\n")}, nil
	}
}

func combined(html string, u *url.URL) (result, error) {
	o, err := ours(html, u)
	if err != nil {
		return o, err
	}
	t, err := traf(false)(html, u)
	if err != nil {
		return o, err
	}
	o.body = nil
	for _, l := range t.body {
		if key(l) != key(o.title) && key(l) != key(o.lead) {
			o.body = append(o.body, l)
		}
	}
	return o, nil
}

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func key(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// score is one page's grade.
type score struct {
	title, lead, date bool
	day               bool // the date's day is right, its time not
	recall, precision float64
	leaks             int
}

func grade(r result, e expected) score {
	s := score{title: r.title == e.Title, lead: r.lead == e.Lead, date: r.published.Equal(e.Published)}
	y1, m1, d1 := r.published.In(extract.Saigon).Date()
	y2, m2, d2 := e.Published.In(extract.Saigon).Date()
	s.day = !s.date && y1 == y2 && m1 == m2 && d1 == d2
	all := key(strings.Join(r.body, " "))
	found := 0
	for _, p := range e.Body {
		if strings.Contains(all, key(p)) {
			found++
		}
	}
	s.recall = float64(found) / float64(len(e.Body))
	rest := all
	allowed := append(append([]string{e.Lead, e.Title}, e.Body...), e.Optional...)
	sort.Slice(allowed, func(i, j int) bool { return len(allowed[i]) > len(allowed[j]) })
	for _, a := range allowed {
		if k := key(a); k != "" {
			rest = strings.ReplaceAll(rest, k, " ")
		}
	}
	if total := letters(all); total > 0 {
		s.precision = 1 - float64(letters(rest))/float64(total)
	}
	text := r.title + "\n" + r.lead + "\n" + strings.Join(r.body, "\n")
	for _, a := range e.Absent {
		if strings.Contains(text, a) {
			s.leaks++
		}
	}
	return s
}

func main() {
	dir := "../../testdata/sites"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no model pages in %s: %v", dir, err)
	}
	totals := make([]score, len(extractors))
	fmt.Print("| page |")
	for _, x := range extractors {
		fmt.Printf(" %s: title lead date · body R/P · leaks |", x.name)
	}
	fmt.Print("\n|---|" + strings.Repeat("---|", len(extractors)) + "\n")
	for _, f := range files {
		var e expected
		raw, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(raw, &e)
		}
		page, rerr := os.ReadFile(strings.TrimSuffix(f, ".json") + ".html")
		if err != nil || rerr != nil {
			log.Fatalf("%s: %v %v", f, err, rerr)
		}
		u, _ := url.Parse(e.URL)
		fmt.Printf("| %s |", strings.TrimSuffix(filepath.Base(f), ".json"))
		for i, x := range extractors {
			r, err := x.run(string(page), u)
			if err != nil {
				fmt.Printf(" error: %v |", err)
				continue
			}
			s := grade(r, e)
			date := mark(s.date)
			if s.day {
				date = "day"
			}
			fmt.Printf(" %s %s %s · %.2f/%.2f · %d |", mark(s.title), mark(s.lead), date, s.recall, s.precision, s.leaks)
			t := &totals[i]
			t.title, t.lead, t.date = false, false, false
			t.recall += s.recall
			t.precision += s.precision
			t.leaks += s.leaks
			counts[i][0] += b2i(s.title)
			counts[i][1] += b2i(s.lead)
			counts[i][2] += b2i(s.date)
			counts[i][3] += b2i(s.day)
		}
		fmt.Println()
	}
	fmt.Printf("| **%d pages** |", len(files))
	for i := range extractors {
		n := float64(len(files))
		fmt.Printf(" %d/%d/%d exact (+%d day) · %.2f/%.2f · %d |", counts[i][0], counts[i][1], counts[i][2], counts[i][3], totals[i].recall/n, totals[i].precision/n, totals[i].leaks)
	}
	fmt.Println()
}

var counts = make([][4]int, len(extractors))

func mark(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
