package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/demo"
)

func init() {
	register("import", command{
		summary: "load articles from a JSONL file (.gz too, - for stdin), with progress",
		run:     runImport,
	})
}

// importBatch is how many articles one index write holds.
const importBatch = 500

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir, "data directory")
	useDemo := fs.Bool("demo", false, "import the bundled demo corpus")
	quiet := fs.Bool("quiet", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vnsearch import [--data DIR] [--quiet] FILE.jsonl[.gz]|-\n       vnsearch import [--data DIR] --demo")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*useDemo && fs.NArg() != 0) || (!*useDemo && fs.NArg() != 1) {
		fs.Usage()
		return errors.New("give one FILE, - for standard input, or --demo")
	}
	in, size, name, err := openInput(*useDemo, fs.Arg(0))
	if err != nil {
		return err
	}
	if c, ok := in.(io.Closer); ok {
		defer c.Close()
	}
	lock, err := lockData(ctx, *data, "import")
	if err != nil {
		return err
	}
	defer lock.Close()
	ix, err := openIndex(*data)
	if err != nil {
		return err
	}
	defer ix.Close()

	bar := newProgress(name, size, *quiet, stderr)
	l := &loader{
		ix:        ix,
		enrich:    metadata.Enrich,
		batchSize: importBatch,
		onBatch: func(st loadStats) {
			bar.Describe(fmt.Sprintf("%s: %d articles", name, st.New+st.Updated))
		},
		onMalformed: func(e *search.LineError) {
			bar.Clear()
			fmt.Fprintf(stderr, "%s: skipped %v\n", name, e)
		},
	}
	st, err := l.load(ctx, io.TeeReader(in, bar))
	bar.Finish()
	fmt.Fprintln(stderr)
	fmt.Fprintf(stdout, "%s: %v\n", name, st)
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	return nil
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

// newProgress draws a progress bar of bytes read on w: with a percentage
// and time left when the size is known, a spinner otherwise.
func newProgress(name string, size int64, quiet bool, w io.Writer) *progressbar.ProgressBar {
	if quiet {
		w = io.Discard
	}
	return progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(name),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(250*time.Millisecond),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionFullWidth(),
	)
}
