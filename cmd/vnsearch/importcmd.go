package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/vnsearch/vnsearch/indexer/ingest"
	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/demo"
)

func init() {
	register("import", command{
		summary: "load articles from a JSONL file (.gz too, - for stdin) into DIR or into a running serve (--server)",
		run:     runImport,
	})
}

// importConfig is the configuration of `vnsearch import`.
type importConfig struct {
	Data   string
	Server string // base URL of a running serve; "" imports into Data
	Token  string
	Demo   bool
	Quiet  bool
	Input  string
}

func parseImportFlags(args []string, stderr io.Writer, getenv func(string) string) (importConfig, error) {
	var cfg importConfig
	fs := newFlags("import", "vnsearch import [--data DIR] [--quiet] FILE.jsonl[.gz]|-\n"+
		"       vnsearch import --server URL [--token T] FILE.jsonl[.gz]|-\n"+
		"       vnsearch import [--data DIR] --demo", stderr)
	fs.StringVar(&cfg.Data, "data", defaultDataDir, "data directory")
	fs.StringVar(&cfg.Server, "server", "", "base URL of a running vnsearch serve to import into (POST /api/admin/import)")
	fs.StringVar(&cfg.Token, "token", getenv("VNSEARCH_ADMIN_TOKEN"), "admin token of --server (default $VNSEARCH_ADMIN_TOKEN)")
	fs.BoolVar(&cfg.Demo, "demo", false, "import the bundled demo corpus")
	fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress bar")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if (cfg.Demo && fs.NArg() != 0) || (!cfg.Demo && fs.NArg() != 1) {
		fs.Usage()
		return cfg, errors.New("give one FILE, - for standard input, or --demo")
	}
	cfg.Input = fs.Arg(0)
	return cfg, nil
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseImportFlags(args, stderr, os.Getenv)
	if err != nil {
		return err
	}
	in, size, name, err := openInput(cfg.Demo, cfg.Input)
	if err != nil {
		return err
	}
	if c, ok := in.(io.Closer); ok {
		defer c.Close()
	}
	bar := newProgress(name, size, cfg.Quiet, stderr)
	var sum ingest.Summary
	if cfg.Server != "" {
		sum, err = importRemote(ctx, cfg, io.TeeReader(in, bar))
		bar.Finish()
		fmt.Fprintln(stderr)
		printSkipped(stderr, name, sum)
	} else {
		bulkGC(os.Getenv)
		sum, err = importLocal(ctx, cfg, io.TeeReader(in, bar), name, bar, stderr)
		bar.Finish()
		fmt.Fprintln(stderr)
	}
	fmt.Fprintf(stdout, "%s: %v\n", name, sum)
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	return nil
}

// bulkWrites is the index writes in flight of import and reindex: the
// second core builds a segment too, for twice the memory of one
// (BENCHMARKS.md, "Import speed"). The live import of serve keeps one.
const bulkWrites = 2

// bulkBatchArticles is the most articles one index write of import holds
// (the live import of serve keeps ingest's default, 500): half the
// segments to build and merge cost a fifth less CPU on 8,000 articles
// and 4% on the 63,000 of the shared corpus (where the large merges
// dominate), for 1.2 to 1.8 times the peak memory with bulkWrites
// (BENCHMARKS.md, "Session 5: import speed").
const bulkBatchArticles = 1000

// From its largeLoadAfter-th article, import writes batches of up to
// largeBatchArticles: a million generated articles loaded in 1,126 s with
// batches of 2,000 against 1,209 s with 1,000, when on the 63,000 of the
// shared corpus they took the same time for 1.8 times the peak memory
// (BENCHMARKS.md, "Session 13" and "Session 14").
const (
	largeBatchArticles = 2000
	largeLoadAfter     = 100000
)

// importLocal loads r into the index of the data directory.
func importLocal(ctx context.Context, cfg importConfig, r io.Reader, name string, bar *progressbar.ProgressBar, stderr io.Writer) (ingest.Summary, error) {
	ix, lock, err := openLocked(ctx, cfg.Data, "import", search.BulkLoad())
	if err != nil {
		return ingest.Summary{}, err
	}
	defer lock.Close()
	defer ix.Close()
	return ingest.Load(ctx, ix, r, ingest.Config{
		Enrich:             metadata.Enrich,
		Writes:             bulkWrites,
		BatchArticles:      bulkBatchArticles,
		LargeBatchArticles: largeBatchArticles,
		LargeBatchAfter:    largeLoadAfter,
		OnBatch: func(s ingest.Summary) {
			bar.Describe(fmt.Sprintf("%s: %d articles", name, s.Indexed))
		},
		OnCompact: func(s ingest.Summary) {
			bar.Describe(fmt.Sprintf("%s: %d articles, compacting the index", name, s.Indexed))
		},
		OnMalformed: func(e *search.LineError) {
			bar.Clear()
			fmt.Fprintf(stderr, "%s: skipped %v\n", name, e)
		},
	})
}

// printSkipped lists the malformed lines a server reported.
func printSkipped(w io.Writer, name string, s ingest.Summary) {
	for _, e := range s.Errors {
		fmt.Fprintf(w, "%s: skipped line %d: %s\n", name, e.Line, e.Error)
	}
	if more := s.Malformed - len(s.Errors); more > 0 {
		fmt.Fprintf(w, "%s: skipped %d more malformed lines\n", name, more)
	}
}

// openInput opens the file to import and says how big it is (-1 when
// unknown) and how to name it.
func openInput(useDemo bool, path string) (io.Reader, int64, string, error) {
	switch {
	case useDemo:
		r, err := demo.Open()
		return r, -1, "demo corpus", err
	case path == "-":
		return os.Stdin, -1, "stdin", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, "", fmt.Errorf("open input: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, "", fmt.Errorf("stat input: %w", err)
	}
	return f, fi.Size(), path, nil
}

// newProgress draws a progress bar on w: with a percentage and time left
// when the total is known, a spinner otherwise. It counts bytes unless unit
// says what else (reindex counts articles).
func newProgress(name string, total int64, quiet bool, w io.Writer, unit ...progressbar.Option) *progressbar.ProgressBar {
	if quiet {
		w = io.Discard
	}
	if len(unit) == 0 {
		unit = []progressbar.Option{progressbar.OptionShowBytes(true), progressbar.OptionFullWidth()}
	}
	return progressbar.NewOptions64(total, append([]progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(name),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(250 * time.Millisecond),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
	}, unit...)...)
}
