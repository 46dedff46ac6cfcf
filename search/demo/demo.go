package demo

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

//go:embed *.jsonl
var files embed.FS

// Open returns the demo corpus as one JSONL stream.
func Open() (io.Reader, error) {
	names, err := fs.Glob(files, "*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("list demo corpus: %w", err)
	}
	readers := make([]io.Reader, 0, 2*len(names))
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read demo corpus %s: %w", name, err)
		}
		readers = append(readers, bytes.NewReader(b), strings.NewReader("\n"))
	}
	return io.MultiReader(readers...), nil
}
