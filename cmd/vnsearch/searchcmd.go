package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("search", command{
		summary: "run one query and print the ranked hits (--json for the API shape)",
		run:     runSearch,
	})
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", "vnsearch search [--data DIR] [--json] [--size N] QUERY", stderr)
	data := fs.String("data", defaultDataDir, "data directory")
	asJSON := fs.Bool("json", false, "print the result as JSON, in the shape of GET /api/search")
	size := fs.Int("size", search.DefaultSize, "hits per page (at most 100)")
	page := fs.Int("page", 1, "page of results")
	sort := fs.String("sort", search.SortRelevance, "relevance, newest or oldest")
	group := fs.Bool("group", false, "collapse syndicated copies to the earliest publication")
	vocabulary := fs.String("vocabulary", "", "political vocabulary file replacing the shipped one (\"off\": no expansion)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no query")
	}
	ix, lock, err := openLocked(ctx, *data, "search")
	if err != nil {
		return err
	}
	defer lock.Close()
	defer ix.Close()
	if err := useVocabulary(ix, *vocabulary); err != nil {
		return err
	}
	res, err := ix.Search(ctx, search.Request{
		Query: strings.Join(fs.Args(), " "), Size: *size, Page: *page, Sort: *sort, GroupSyndicated: *group,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(stdout, res)
	return nil
}

// printResult writes hits for a terminal: matches in «», facets last.
func printResult(w io.Writer, res *search.Result) {
	fmt.Fprintf(w, "%d results (%.1f ms)\n", res.Total, res.TookMS)
	if res.Suggestion != "" {
		fmt.Fprintf(w, "Did you mean: %s\n", res.Suggestion)
	}
	for i, h := range res.Hits {
		date := "undated"
		if !h.Published.IsZero() {
			date = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(w, "\n%2d. %s\n    %s · %s · %s · score %.2f\n", (res.Page-1)*res.Size+i+1, h.Title, h.Source, date, h.ID, h.Score)
		if h.URL != "" {
			fmt.Fprintf(w, "    %s\n", h.URL)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "    %s\n", plainSnippet(s))
		}
	}
	for _, name := range []string{search.FacetUnit, search.FacetDirective, search.FacetYear, search.FacetSource} {
		vals := res.Facets[name]
		if len(vals) == 0 {
			continue
		}
		parts := make([]string, 0, len(vals))
		for _, v := range vals[:min(len(vals), 8)] {
			parts = append(parts, fmt.Sprintf("%s (%d)", v.Value, v.Count))
		}
		fmt.Fprintf(w, "\n%s: %s", name, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
}

// plainSnippet turns an HTML snippet into terminal text.
func plainSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "«", "</mark>", "»").Replace(s)
	return html.UnescapeString(s)
}
