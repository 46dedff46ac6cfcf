package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/schollz/progressbar/v3"

	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("reindex", command{
		summary: "rebuild the index from its stored articles after an analysis change (no recrawl)",
		run:     runReindex,
	})
}

// reindexDirName is where reindex builds the new index, beside the old one.
const reindexDirName = indexDirName + ".new"

// reindexPage is the number of articles read and written at once.
const reindexPage = 500

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reindex", "vnsearch reindex [--data DIR] [--quiet]", stderr)
	data := fs.String("data", defaultDataDir, "data directory")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	lock, err := lockData(ctx, *data, "reindex")
	if err != nil {
		return err
	}
	defer lock.Close()
	bulkGC(os.Getenv)
	n, err := reindex(ctx, *data, *quiet, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reindexed %d articles in %s with analysis version %s\n", n, *data, search.AnalysisVersion)
	return nil
}

// reindex rebuilds the index of the data dir from its stored articles,
// their metadata recomputed, into DIR/index.new, and swaps it for DIR/index
// once complete. Interrupted, it leaves DIR/index as it was; the next run
// starts over.
func reindex(ctx context.Context, data string, quiet bool, stderr io.Writer) (uint64, error) {
	oldDir, newDir := filepath.Join(data, indexDirName), filepath.Join(data, reindexDirName)
	if !search.Exists(oldDir) {
		return 0, fmt.Errorf("no index in %s to rebuild", data)
	}
	if err := os.RemoveAll(newDir); err != nil { // an interrupted run's
		return 0, fmt.Errorf("remove the unfinished %s: %w", newDir, err)
	}
	n, err := rebuild(ctx, oldDir, newDir, quiet, stderr)
	if err != nil {
		return 0, errors.Join(err, os.RemoveAll(newDir))
	}
	if err := swapDirs(newDir, oldDir); err != nil {
		return 0, errors.Join(fmt.Errorf("swap in the new index: %w", err), os.RemoveAll(newDir))
	}
	if err := os.RemoveAll(newDir); err != nil { // now the old index
		return n, fmt.Errorf("remove the old index: %w", err)
	}
	return n, nil
}

// rebuild copies every article of the index in oldDir into a new index in
// newDir, recomputing its metadata.
func rebuild(ctx context.Context, oldDir, newDir string, quiet bool, stderr io.Writer) (uint64, error) {
	src, err := search.OpenAnyVersion(oldDir)
	if err != nil {
		return 0, err
	}
	defer src.Close()
	dst, err := search.Open(newDir, search.BulkLoad())
	if err != nil {
		return 0, err
	}
	total, err := src.Count()
	if err != nil {
		dst.Close()
		return 0, err
	}
	bar := newProgress("reindex", int64(total), quiet, stderr,
		progressbar.OptionSetItsString("articles"), progressbar.OptionShowIts())
	done, err := copyArticles(ctx, src, dst, bar)
	bar.Finish()
	fmt.Fprintln(stderr)
	if err == nil {
		err = dst.Compact(ctx) // one segment instead of one per page
	}
	if err := errors.Join(err, dst.Close()); err != nil {
		return 0, fmt.Errorf("rebuild the index: %w", err)
	}
	return done, nil
}

// copyArticles writes every article of src into dst, its metadata
// recomputed, and counts them. The pages are read in turn and written by
// bulkWrites goroutines at once: the index builds a write's segment in
// the writing goroutine.
func copyArticles(ctx context.Context, src, dst *search.Index, bar *progressbar.ProgressBar) (uint64, error) {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex // guards done and failed
		done   uint64
		failed error
	)
	writes := make(chan struct{}, bulkWrites)
	err := src.Articles(ctx, reindexPage, func(page []search.Article) error {
		select {
		case writes <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		mu.Lock()
		err := failed
		mu.Unlock()
		if err != nil {
			<-writes
			return err
		}
		wg.Go(func() {
			defer func() { <-writes }()
			for i := range page {
				metadata.Enrich(&page[i])
			}
			err := dst.Index(ctx, page...)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed = cmp.Or(failed, err)
				return
			}
			done += uint64(len(page))
			bar.Add(len(page))
		})
		return nil
	})
	wg.Wait()
	if failed != nil {
		return done, failed
	}
	return done, err
}

// explainVersion turns the error of an index built by another analysis
// version into the command that fixes it.
func explainVersion(data string, err error) error {
	var ve *search.VersionError
	if !errors.As(err, &ve) {
		return err
	}
	return fmt.Errorf("%w; rebuild it with: vnsearch reindex --data %s", err, data)
}
