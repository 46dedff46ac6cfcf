package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// heldIndex is a recorder whose write of the batch holding the id hold
// waits until the test releases it; every write announces its batch's ids
// on calls first.
type heldIndex struct {
	*recorder
	hold    string
	calls   chan []string
	release chan struct{}
}

func newHeldIndex(hold string) *heldIndex {
	return &heldIndex{recorder: newRecorder(), hold: hold, calls: make(chan []string, 16), release: make(chan struct{})}
}

func (h *heldIndex) Index(ctx context.Context, articles ...search.Article) error {
	var ids []string
	for _, a := range articles {
		ids = append(ids, a.ID)
	}
	h.calls <- ids
	if slices.Contains(ids, h.hold) {
		<-h.release
	}
	return h.recorder.Index(ctx, articles...)
}

// nextCall waits for the next write to begin.
func nextCall(t *testing.T, h *heldIndex) []string {
	t.Helper()
	select {
	case ids := <-h.calls:
		return ids
	case <-time.After(10 * time.Second):
		t.Fatal("no index write began")
		return nil
	}
}

// TestRepeatedIDAcrossWritesInFlight: a batch repeating an id of a batch
// still in flight waits for it, so the later line is the one kept; the
// totals are told in input order although the second write lands first.
func TestRepeatedIDAcrossWritesInFlight(t *testing.T) {
	ix := newHeldIndex("a")
	ix.stored["c"] = search.Article{ID: "c"} // indexed before: updated
	in := jsonl(
		map[string]string{"id": "a", "title": "first"}, map[string]string{"id": "b", "title": "x"},
		map[string]string{"id": "c", "title": "x"}, map[string]string{"id": "d", "title": "x"},
		map[string]string{"id": "a", "title": "last"}, map[string]string{"id": "e", "title": "x"},
	)
	var totals []int
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result)
	go func() {
		sum, err := Load(context.Background(), ix, strings.NewReader(in), Config{
			BatchArticles: 2, Writes: 3,
			OnBatch: func(s Summary) { totals = append(totals, s.Indexed) },
		})
		done <- result{sum, err}
	}()
	if ids := append(nextCall(t, ix), nextCall(t, ix)...); fmt.Sprint(slices.Sorted(slices.Values(ids))) != "[a b c d]" {
		t.Fatalf("the first two writes hold %v, want [a b] and [c d] in flight together", ids)
	}
	select {
	case ids := <-ix.calls:
		t.Fatalf("write %v began while the write holding a was in flight", ids)
	case <-time.After(50 * time.Millisecond):
	}
	close(ix.release)
	if ids := nextCall(t, ix); !slices.Equal(ids, []string{"a", "e"}) {
		t.Fatalf("third write %v", ids)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if got := ix.stored["a"].Title; got != "last" {
		t.Errorf("a holds %q, want the last line's", got)
	}
	if r.sum.Indexed != 5 || r.sum.New != 4 || r.sum.Updated != 1 || r.sum.Repeated != 1 {
		t.Errorf("summary %+v", r.sum)
	}
	if fmt.Sprint(totals) != "[2 4 5]" {
		t.Errorf("running totals %v, want [2 4 5]", totals)
	}
}

// TestInterruptedWithWritesInFlight: interrupted while two writes are in
// flight (the first held), the load waits for both before it returns;
// everything counted is stored. (Whether a line read after the second
// write is still taken depends on when the interruption falls: the input
// ends with the second batch so that the count is certain.)
func TestInterruptedWithWritesInFlight(t *testing.T) {
	ix := newHeldIndex("a0")
	ctx, cancel := context.WithCancel(context.Background())
	var in strings.Builder
	for i := range 4 {
		in.WriteString(jsonl(map[string]string{"id": fmt.Sprint("a", i), "title": "x"}))
	}
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result)
	go func() {
		sum, err := Load(ctx, ix, &untilDone{ctx, strings.NewReader(in.String())}, Config{BatchArticles: 2, Writes: 2})
		done <- result{sum, err}
	}()
	nextCall(t, ix)
	nextCall(t, ix)
	cancel()
	close(ix.release)
	r := <-done
	if !errors.Is(r.err, context.Canceled) {
		t.Errorf("error %v, want the interruption", r.err)
	}
	if r.sum.Indexed != 4 || len(ix.stored) != 4 {
		t.Errorf("%d counted, %d stored, want the 4 of both writes", r.sum.Indexed, len(ix.stored))
	}
}

// untilDone yields r, then waits for ctx to end, as a network input
// would for the next line.
type untilDone struct {
	ctx context.Context
	r   io.Reader
}

func (u *untilDone) Read(p []byte) (int, error) {
	if n, err := u.r.Read(p); err != io.EOF {
		return n, err
	}
	<-u.ctx.Done()
	return 0, u.ctx.Err()
}
