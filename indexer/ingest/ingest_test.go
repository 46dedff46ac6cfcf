package ingest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// recorder is an Index that keeps the batches written to it.
type recorder struct {
	mu      sync.Mutex
	batches [][]search.Article
	stored  map[string]search.Article
}

func newRecorder() *recorder { return &recorder{stored: map[string]search.Article{}} }

func (r *recorder) Index(ctx context.Context, articles ...search.Article) error {
	if err := ctx.Err(); err != nil || len(articles) == 0 {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, append([]search.Article(nil), articles...))
	for _, a := range articles {
		r.stored[a.ID] = a
	}
	return nil
}

func (r *recorder) Existing(_ context.Context, ids []string) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, id := range ids {
		if _, ok := r.stored[id]; ok {
			n++
		}
	}
	return n, nil
}

func (r *recorder) Article(_ context.Context, id string) (*search.Article, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	a, ok := r.stored[id]
	if !ok {
		return nil, search.ErrNotFound
	}
	return &a, nil
}

// compacting is a recorder that counts its compactions.
type compacting struct {
	*recorder
	compactions int
}

func (c *compacting) Compact(context.Context) error {
	c.compactions++
	return nil
}

// TestCompactAfterBulkLoad: a load of CompactAfter articles or more
// compacts the index once at its end; a smaller one does not.
func TestCompactAfterBulkLoad(t *testing.T) {
	var in strings.Builder
	for i := range 5 {
		in.WriteString(jsonl(map[string]string{"id": fmt.Sprintf("a%d", i), "title": "Tin", "body": "Nội dung."}))
	}
	for _, tc := range []struct {
		after, want int
	}{{5, 1}, {6, 0}} {
		ix := &compacting{recorder: newRecorder()}
		sum, err := Load(context.Background(), ix, strings.NewReader(in.String()), Config{BatchArticles: 2, CompactAfter: tc.after})
		if err != nil || sum.Indexed != 5 || ix.compactions != tc.want {
			t.Errorf("CompactAfter %d: %d compactions, want %d (%+v, %v)", tc.after, ix.compactions, tc.want, sum, err)
		}
	}
}

func jsonl(records ...map[string]string) string {
	var b strings.Builder
	for _, r := range records {
		j, _ := json.Marshal(r)
		b.Write(append(j, '\n'))
	}
	return b.String()
}

// TestBatchesBoundedByBytes: big records make small batches, and a text
// beyond the indexing cap is counted.
func TestBatchesBoundedByBytes(t *testing.T) {
	big := strings.Repeat("Dang uy xa lanh dao. ", 3<<19/20) // 1.5 MB
	var recs []map[string]string
	for i := range 5 {
		recs = append(recs, map[string]string{"id": fmt.Sprint("big", i), "title": "Bài dài", "body": big})
	}
	recs = append(recs, map[string]string{"id": "small", "title": "Bài ngắn", "body": "Hòa giải ở cơ sở."})
	ix := newRecorder()
	sum, err := Load(context.Background(), ix, strings.NewReader(jsonl(recs...)), Config{BatchBytes: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 6 || sum.Truncated != 5 {
		t.Errorf("summary %+v", sum)
	}
	var sizes []int
	for _, b := range ix.batches {
		sizes = append(sizes, len(b))
	}
	if fmt.Sprint(sizes) != "[3 3]" {
		t.Errorf("batch sizes %v, want [3 3] (4 MB bound)", sizes)
	}
	if got := ix.stored["big0"].Body; got != big {
		t.Errorf("stored body: %d bytes, want %d", len(got), len(big))
	}
}

// TestLoadInInputOrder: many workers and writes in flight, yet every
// batch holds a run of the input, in order, and the last line of a
// repeated id wins, counted once.
func TestLoadInInputOrder(t *testing.T) {
	var recs []map[string]string
	for i := range 200 {
		recs = append(recs, map[string]string{"id": fmt.Sprint("a", i%150), "title": fmt.Sprint("Bài ", i), "body": "Nội dung."})
	}
	ix := newRecorder()
	sum, err := Load(context.Background(), ix, strings.NewReader(jsonl(recs...)), Config{Workers: 8, BatchArticles: 7, Writes: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 150 || sum.New != 150 || sum.Repeated != 50 {
		t.Errorf("summary %+v", sum)
	}
	// Batches in flight together may land in any order; each holds a run
	// of the input.
	batches := slices.Clone(ix.batches)
	slices.SortFunc(batches, func(a, b []search.Article) int { return cmp.Compare(titleNumber(a[0]), titleNumber(b[0])) })
	i := 0
	for _, b := range batches {
		for _, a := range b {
			if want := fmt.Sprint("Bài ", i); a.Title != want {
				t.Fatalf("article %d written as %q, want %q", i, a.Title, want)
			}
			i++
		}
	}
	if got := ix.stored["a10"].Title; got != "Bài 160" {
		t.Errorf("a10: %q, want the last line's", got)
	}
	sum, _ = Load(context.Background(), ix, strings.NewReader(jsonl(recs[:10]...)), Config{})
	if sum.New != 0 || sum.Updated != 10 {
		t.Errorf("re-import: %+v", sum)
	}
}

// titleNumber is the number of an article titled "Bài N".
func titleNumber(a search.Article) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(a.Title, "Bài "))
	return n
}

// TestMalformedLinesNumbered: every malformed line is reported with its
// number, in order, and the load goes on.
func TestMalformedLinesNumbered(t *testing.T) {
	in := "{\"id\":\"a\",\"title\":\"x\"}\nnot json\n\n{\"id\":\"" + strings.Repeat("x", 257) + "\",\"title\":\"y\"}\n{\"title\":\"z\"}\n{\"id\":\"b\",\"title\":\"x\"}\n"
	var seen []int
	sum, err := Load(context.Background(), newRecorder(), strings.NewReader(in), Config{
		Workers:     4,
		OnMalformed: func(e *search.LineError) { seen = append(seen, e.Line) },
	})
	if err != nil || sum.Indexed != 2 || sum.Malformed != 3 {
		t.Fatalf("%+v %v", sum, err)
	}
	if fmt.Sprint(seen) != "[2 4 5]" || sum.Errors[1].Line != 4 || !strings.Contains(sum.Errors[1].Error, "longer than 256") {
		t.Errorf("lines %v, errors %+v", seen, sum.Errors)
	}
}

// failingReader yields its text, then an error.
type failingReader struct{ r io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

// TestStopsKeepingWhatWasRead: on an input failure or an interruption,
// the articles read before are written and counted.
func TestStopsKeepingWhatWasRead(t *testing.T) {
	in := jsonl(map[string]string{"id": "a", "title": "x"}, map[string]string{"id": "b", "title": "y"})
	ix := newRecorder()
	sum, err := Load(context.Background(), ix, failingReader{strings.NewReader(in)}, Config{})
	if err == nil || !strings.Contains(err.Error(), "connection reset") || sum.Indexed != 2 || len(ix.stored) != 2 {
		t.Errorf("input failure: %+v, %v", sum, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	go func() {
		io.WriteString(pw, in)
		cancel()
	}()
	ix = newRecorder()
	sum, err = Load(ctx, ix, pr, Config{})
	if !errors.Is(err, context.Canceled) || sum.Indexed != len(ix.stored) {
		t.Errorf("interrupted: %+v, %v, %d stored", sum, err, len(ix.stored))
	}
}

// stallingReader yields its text, then blocks in Read until released,
// telling blocked when it does: an input nothing more arrives on (a
// terminal, a stalled upload) that no context interrupts.
type stallingReader struct {
	r                 io.Reader
	blocked, released chan struct{}
}

func (s stallingReader) Read(p []byte) (int, error) {
	if n, err := s.r.Read(p); err != io.EOF {
		return n, err
	}
	close(s.blocked)
	<-s.released
	return 0, io.EOF
}

// TestInterruptedWhileInputStalls: interrupted while the reader is
// blocked reading an input that stalls, Load returns with what it counted
// written, without waiting for the read (it hung there): whether the
// interruption comes while the writer still holds lines to take or after
// it has taken them all and waits for the next.
func TestInterruptedWhileInputStalls(t *testing.T) {
	for _, tc := range []struct {
		name  string
		after time.Duration // from the reader blocking to the interruption
	}{
		{"at once", 0},
		{"writer idle", 200 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := jsonl(map[string]string{"id": "a", "title": "x"}, map[string]string{"id": "b", "title": "y"})
			r := stallingReader{strings.NewReader(in), make(chan struct{}), make(chan struct{})}
			defer close(r.released)
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				<-r.blocked
				time.Sleep(tc.after)
				cancel()
			}()
			ix := newRecorder()
			type result struct {
				sum Summary
				err error
			}
			done := make(chan result, 1)
			go func() {
				sum, err := Load(ctx, ix, r, Config{})
				done <- result{sum, err}
			}()
			select {
			case res := <-done:
				// The cancel comes after both lines were read: both are
				// written, and every article counted is stored.
				if !errors.Is(res.err, context.Canceled) || res.sum.Indexed != 2 || len(ix.stored) != 2 {
					t.Errorf("interrupted: %+v, %v, %d stored", res.sum, res.err, len(ix.stored))
				}
			case <-time.After(time.Minute):
				t.Fatal("Load did not return a minute after the interruption: it waits for a read that never ends")
			}
		})
	}
}

// batchSizes is a recorder that notes the size of every write.
type batchSizes struct {
	*recorder
	mu    sync.Mutex
	sizes []int
}

func (b *batchSizes) Index(ctx context.Context, articles ...search.Article) error {
	b.mu.Lock()
	b.sizes = append(b.sizes, len(articles))
	b.mu.Unlock()
	return b.recorder.Index(ctx, articles...)
}

// TestLargeBatchesAfterLargeLoads: the writes hold BatchArticles until
// LargeBatchAfter articles are written, LargeBatchArticles after; every
// article is written once.
func TestLargeBatchesAfterLargeLoads(t *testing.T) {
	var recs []map[string]string
	for i := range 60 {
		recs = append(recs, map[string]string{"id": fmt.Sprint("a", i), "title": "x"})
	}
	for _, tc := range []struct {
		name         string
		large, after int
		want         string
	}{
		{"no large batches", 0, 0, "[4 4 4 4 4 4 4 4 4 4 4 4 4 4 4]"},
		{"large from the 12th", 10, 12, "[4 4 4 4 10 10 10 10 4]"},
		{"large not above small", 3, 12, "[4 4 4 4 4 4 4 4 4 4 4 4 4 4 4]"},
	} {
		ix := &batchSizes{recorder: newRecorder()}
		sum, err := Load(context.Background(), ix, strings.NewReader(jsonl(recs...)), Config{
			BatchArticles: 4, LargeBatchArticles: tc.large, LargeBatchAfter: tc.after, Writes: 1,
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(ix.sizes); got != tc.want {
			t.Errorf("%s: writes of %s, want %s", tc.name, got, tc.want)
		}
		if sum.Indexed != 60 || len(ix.stored) != 60 {
			t.Errorf("%s: %d indexed, %d stored, want 60", tc.name, sum.Indexed, len(ix.stored))
		}
	}
}
