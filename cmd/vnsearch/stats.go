package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("stats", command{
		summary: "print the size of the index and its largest facets",
		run:     runStats,
	})
}

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("stats", flag.ContinueOnError)
	fset.SetOutput(stderr)
	data := fset.String("data", defaultDataDir, "data directory")
	if err := fset.Parse(args); err != nil {
		return err
	}
	ix, lock, err := openLocked(ctx, *data, "stats")
	if err != nil {
		return err
	}
	defer lock.Close()
	defer ix.Close()
	n, err := ix.Count()
	if err != nil {
		return err
	}
	dir := filepath.Join(*data, indexDirName)
	fmt.Fprintf(stdout, "index:    %s\narticles: %d\nsize:     %.1f MB\n", dir, n, float64(search.DiskSize(dir))/1e6)
	res, err := ix.Search(ctx, search.Request{Size: 1})
	if err != nil {
		return err
	}
	printFacets(stdout, res)
	return nil
}

func printFacets(w io.Writer, res *search.Result) {
	for _, name := range []string{search.FacetSource, search.FacetYear, search.FacetUnit, search.FacetDirective} {
		fmt.Fprintf(w, "\n%s:\n", name)
		for _, v := range res.Facets[name] {
			fmt.Fprintf(w, "  %6d  %s\n", v.Count, v.Value)
		}
	}
}
