// Command vngen writes benchmark material from the shared corpus.
//
//	vngen articles --n 250000 [--seed 1] CORPUS.jsonl[.gz]... > articles.jsonl
//	vngen queries --n 60 [--seed 1] [--shapes DIR] CORPUS.jsonl[.gz]... > queries.txt
//	vngen baseline --queries queries.txt CORPUS.jsonl[.gz]...
//
// articles assembles n distinct articles from the paragraphs of the corpus:
// each takes the title of one corpus article and five to nine paragraphs
// drawn from all of them, with a new id, URL and publication date, so an
// index of a million articles can be built from 63,000. queries writes a
// query mix for vnload, one API query string a line: passages of six
// syllables quoted exact, without diacritics, in NFD and with the other
// tone placement, and titles typed without diacritics, all distinct;
// with --shapes it also writes each shape's queries to a file of its own
// in DIR (exact.txt, folded.txt, nfd.txt, tone.txt, titles.txt), so a
// load test can report latency per shape.
// Output is repeatable for a seed. baseline indexes the corpus with
// bleve's standard analyzer and times the query mix in-process: the
// reference of the scale benchmark (scripts/scale.sh).
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "vngen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "articles" && args[0] != "queries" && args[0] != "baseline") {
		return errors.New("usage: vngen articles|queries --n N [--seed S] CORPUS.jsonl[.gz]…, or vngen baseline --queries FILE CORPUS.jsonl[.gz]…")
	}
	fs := flag.NewFlagSet("vngen "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "how many articles or passages to write")
	seed := fs.Uint64("seed", 1, "random seed")
	queryFile := fs.String("queries", "", "baseline: file of API query strings, one a line")
	shapes := fs.String("shapes", "", "queries: also write each shape's queries to DIR/SHAPE.txt")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if args[0] == "baseline" {
		qs, err := readLines(*queryFile)
		if err != nil {
			return err
		}
		return baseline(ctx, stdout, fs.Args(), qs)
	}
	if *n < 1 || fs.NArg() == 0 {
		return errors.New("want --n ≥ 1 and at least one corpus file")
	}
	c, err := readCorpus(ctx, fs.Args())
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	w := bufio.NewWriterSize(stdout, 1<<20)
	if args[0] == "articles" {
		err = c.articles(ctx, w, rng, *n)
	} else {
		err = c.writeQueries(w, rng, *n, *shapes)
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

// Query shapes of the mix, in the order a passage is typed.
var queryShapes = []string{"exact", "folded", "nfd", "tone", "titles"}

// writeQueries writes the mix to w and, when dir is set, each shape's
// queries to dir/SHAPE.txt.
func (c *corpus) writeQueries(w io.Writer, rng *rand.Rand, n int, dir string) error {
	if dir == "" {
		return c.queries(w, rng, n, nil)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("shapes directory: %w", err)
	}
	files := map[string]*os.File{}
	bufs := map[string]*bufio.Writer{}
	for _, shape := range queryShapes {
		f, err := os.Create(filepath.Join(dir, shape+".txt"))
		if err != nil {
			return fmt.Errorf("shape file: %w", err)
		}
		defer f.Close()
		files[shape], bufs[shape] = f, bufio.NewWriter(f)
	}
	err := c.queries(w, rng, n, func(shape, line string) error {
		_, err := fmt.Fprintln(bufs[shape], line)
		return err
	})
	for _, shape := range queryShapes {
		err = errors.Join(err, bufs[shape].Flush(), files[shape].Close())
	}
	return err
}

// corpus is what the generator draws from.
type corpus struct {
	titles     []string
	sources    []string
	paragraphs []string
	bodies     []string
}

// readCorpus reads the titles, sources and paragraphs of JSONL files,
// gzipped or not.
func readCorpus(ctx context.Context, paths []string) (*corpus, error) {
	c := &corpus{}
	sources := map[string]bool{}
	for _, path := range paths {
		if err := c.readFile(ctx, path, sources); err != nil {
			return nil, err
		}
	}
	for s := range sources {
		c.sources = append(c.sources, s)
	}
	slices.Sort(c.sources) // a seed repeats its output
	if len(c.paragraphs) == 0 || len(c.titles) == 0 {
		return nil, errors.New("the corpus holds no article with a title and a body")
	}
	return c, nil
}

func (c *corpus) readFile(ctx context.Context, path string, sources map[string]bool) error {
	return eachArticle(ctx, []string{path}, func(a search.Article) error {
		if a.Title == "" || a.Body == "" {
			return nil
		}
		c.titles = append(c.titles, a.Title)
		c.bodies = append(c.bodies, a.Body)
		sources[a.Source] = true
		for _, p := range strings.Split(a.Body, "\n") {
			if p = strings.TrimSpace(p); len(p) >= 80 {
				c.paragraphs = append(c.paragraphs, p)
			}
		}
		return nil
	})
}

// eachArticle calls f with every well-formed article of JSONL files,
// gzipped or not, until ctx is done.
func eachArticle(ctx context.Context, paths []string, f func(search.Article) error) error {
	for _, path := range paths {
		if err := eachInFile(ctx, path, f); err != nil {
			return err
		}
	}
	return nil
}

func eachInFile(ctx context.Context, path string, f func(search.Article) error) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	defer file.Close()
	var r io.Reader = file
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(file)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	dec, err := search.NewDecoder(r)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for ctx.Err() == nil {
		a, err := dec.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			continue // a malformed line: the import skips it too
		}
		if err := f(a); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// readLines reads the non-empty lines of a file.
func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read queries: %w", err)
	}
	lines := strings.Fields(string(b))
	if len(lines) == 0 {
		return nil, fmt.Errorf("read queries: %s has none", path)
	}
	return lines, nil
}

// record is one generated article in the import format.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Body      string `json:"body"`
	Published string `json:"published"`
}

// articles writes n articles of five to nine random paragraphs each.
func (c *corpus) articles(ctx context.Context, w io.Writer, rng *rand.Rand, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	span := int64(26 * 365 * 24 * time.Hour / time.Minute)
	for i := range n {
		if i%10000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		paras := make([]string, 5+rng.IntN(5))
		for j := range paras {
			paras[j] = c.paragraphs[rng.IntN(len(c.paragraphs))]
		}
		id := fmt.Sprintf("gen-%07d", i)
		rec := record{
			ID:        id,
			URL:       "https://gen.example/" + id,
			Source:    c.sources[rng.IntN(len(c.sources))],
			Title:     c.titles[rng.IntN(len(c.titles))],
			Body:      strings.Join(paras, "\n"),
			Published: start.Add(time.Duration(rng.Int64N(span)) * time.Minute).Format(time.RFC3339),
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("write article: %w", err)
		}
	}
	return nil
}

// passageWords is the length of a quoted passage of the query mix.
const passageWords = 6

// queries writes n passages in four typings and n titles without
// diacritics, as API query strings, each once.
// queries writes n passages in four typings and n titles to w; each line
// written is also told to shape (when not nil) with its shape.
func (c *corpus) queries(w io.Writer, rng *rand.Rand, n int, shape func(shape, line string) error) error {
	seen := map[string]bool{}
	emit := func(kind, q string) error {
		if seen[q] {
			return nil
		}
		seen[q] = true
		line := "q=" + url.QueryEscape(q)
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
		if shape != nil {
			return shape(kind, line)
		}
		return nil
	}
	for found, tries := 0, 0; found < n && tries < 100*n; tries++ {
		words := strings.Fields(c.bodies[rng.IntN(len(c.bodies))])
		if len(words) < passageWords*3 {
			continue
		}
		at := rng.IntN(len(words) - passageWords)
		passage := strings.Join(words[at:at+passageWords], " ")
		passage = strings.Trim(passage, " .,;:!?\"“”()")
		if strings.ContainsAny(passage, ".;:!?\"“”()") || !analyzers.HasDiacritics(passage) {
			continue
		}
		found++
		for i, typed := range []string{passage, analyzers.Fold(passage), norm.NFD.String(passage), analyzers.SwapTone(passage)} {
			if err := emit(queryShapes[i], `"`+typed+`"`); err != nil {
				return fmt.Errorf("write query: %w", err)
			}
		}
		if err := emit("titles", analyzers.Fold(c.titles[rng.IntN(len(c.titles))])); err != nil {
			return fmt.Errorf("write query: %w", err)
		}
	}
	return nil
}
