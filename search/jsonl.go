package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// maxLineBytes bounds one JSONL record (a very long article is ~1 MB).
const maxLineBytes = 16 << 20

// MaxIDBytes bounds an article id: a longer one could not be served by
// the web (/articles/:id) and is refused on import.
const MaxIDBytes = 256

// record is one line of the import format: unknown fields are ignored,
// missing ones empty; published is parsed by parsePublished.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Lead      string `json:"lead"`
	Body      string `json:"body"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Category  string `json:"category"`
}

// LineError is a malformed line of an import file.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Decoder reads articles from the import format (JSONL, gzip detected by
// its magic bytes). A malformed line yields a *LineError and the decoder
// moves on to the next line.
type Decoder struct {
	r    *bufio.Reader
	line int
}

// NewDecoder returns a decoder reading r.
func NewDecoder(r io.Reader) (*Decoder, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("open gzip: %w", err)
		}
		br = bufio.NewReaderSize(gz, 1<<20)
	}
	return &Decoder{r: br}, nil
}

// Line is the number of the line last read.
func (d *Decoder) Line() int { return d.line }

// Next returns the next article, io.EOF at the end, a *LineError for a
// malformed line (reading may go on), or another error when the input
// itself failed.
func (d *Decoder) Next() (Article, error) {
	raw, err := d.NextRecord()
	if err != nil {
		return Article{}, err
	}
	return ParseRecord(d.line, raw)
}

// NextRecord returns the bytes of the next non-blank line, to be parsed
// by ParseRecord (perhaps in another goroutine), with the same errors as
// Next: a line too long is a *LineError.
func (d *Decoder) NextRecord() ([]byte, error) {
	for {
		line, err := d.readLine()
		if err != nil {
			return nil, err
		}
		if len(line) > maxLineBytes {
			return nil, &LineError{Line: d.line, Err: fmt.Errorf("longer than %d bytes", maxLineBytes)}
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			return line, nil
		}
	}
}

// ParseRecord parses one line of the import format, the line-th of its
// file; a malformed record is a *LineError.
func ParseRecord(line int, raw []byte) (Article, error) {
	a, err := parseRecord(raw)
	if err != nil {
		return Article{}, &LineError{Line: line, Err: err}
	}
	return a, nil
}

// readLine reads one line. Of a line over maxLineBytes it keeps only
// maxLineBytes+1 bytes, enough for the caller to reject it.
func (d *Decoder) readLine() ([]byte, error) {
	var buf []byte
	for {
		chunk, err := d.r.ReadSlice('\n')
		if len(buf) <= maxLineBytes {
			buf = append(buf, chunk[:min(len(chunk), maxLineBytes+1-len(buf))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(buf) > 0:
			d.line++
			return buf, nil
		case err != nil:
			if err != io.EOF {
				err = fmt.Errorf("read line %d: %w", d.line+1, err)
			}
			return nil, err
		}
		d.line++
		return buf, nil
	}
}

func parseRecord(line []byte) (Article, error) {
	var r record
	if err := json.Unmarshal(line, &r); err != nil {
		return Article{}, fmt.Errorf("bad JSON: %w", err)
	}
	if strings.TrimSpace(r.ID) == "" {
		return Article{}, errors.New(`no "id"`)
	}
	if len(r.ID) > MaxIDBytes {
		return Article{}, fmt.Errorf(`"id" longer than %d bytes`, MaxIDBytes)
	}
	if strings.TrimSpace(r.Title) == "" && strings.TrimSpace(r.Body) == "" {
		return Article{}, errors.New(`neither "title" nor "body"`)
	}
	published, err := ParsePublished(r.Published)
	if err != nil {
		return Article{}, err
	}
	return Article{
		ID: r.ID, URL: r.URL, Source: nfc(r.Source), Title: r.Title, Lead: r.Lead, Body: r.Body,
		Author: nfc(r.Author), Published: published, Category: nfc(r.Category),
	}, nil
}

// nfc composes a short keyword field: facet values must not split by
// Unicode form. Text fields keep their form, which the analyzers handle.
func nfc(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// publishedLayouts are the accepted forms of "published"; those without a
// zone are Vietnam time.
var publishedLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "02/01/2006 15:04", "02/01/2006"}

// ParsePublished reads a publication time in one of the import formats:
// RFC 3339, 2006-01-02 or 02/01/2006 15:04 (Vietnam time when no zone is
// given). An empty string is the zero time.
func ParsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range publishedLayouts {
		if t, err := time.ParseInLocation(layout, s, vnZone); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q: want RFC 3339, 2006-01-02 or 02/01/2006 15:04", s)
}
