//  Copyright (c) 2026 The vnsearch authors.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 		http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package zap

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	seg "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
)

// vnsearch: a field's postings can be merged on every core. Upstream
// merged a field's terms one after the other on the merge's goroutine: the
// final compaction of a bulk load ran on one core while the other stayed
// idle. What a term's merged postings hold (its frequency/norm and
// location chunks, its bitmap) does not depend on where they are written,
// only the offsets that point at them do; so workers (SetMergeWorkers)
// encode blocks of consecutive terms, and the merge's goroutine writes
// each block, in term order, with the offsets and the dictionary as the
// sequential merge wrote them. The segment written is the same, byte for
// byte, whatever the number of workers.

const (
	// postingsBlockTerms is how many terms one block of work holds: enough
	// that handing blocks around costs little beside encoding them.
	postingsBlockTerms = 256
	// postingsBlocksPerWorker bounds the blocks in flight (enumerated,
	// encoded or waiting to be written), and so the memory they hold.
	postingsBlocksPerWorker = 3
)

// termSource is where one segment keeps a term's postings: the index of
// the segment's dictionary among the field's, and the postings offset.
type termSource struct {
	itr    int
	offset uint64
}

// mergedTerm is one term of a block and, once encoded, where its
// frequency/norm chunks, location chunks and bitmap lie in the block's
// output (each ends where the next begins).
type mergedTerm struct {
	term, sources [2]int // [start, end) in the block's terms and sources
	// [tfStart, tfEnd), [locStart, locEnd) and [locEnd, bitmapEnd) in the
	// block's output
	tfStart, tfEnd, locStart, locEnd, bitmapEnd int

	empty       bool   // every posting of the term was dropped
	oneHit      bool   // encoded in its dictionary value, oneHitValue
	oneHitValue uint64 // FSTValEncode1Hit's value
}

// postingsBlock is consecutive terms of a field, enumerated by the
// producer, encoded by a worker and written by the merge's goroutine.
type postingsBlock struct {
	terms   []byte
	sources []termSource
	merged  []mergedTerm
	out     bytes.Buffer
	done    chan struct{} // closed when encoded (or skipped after a stop)
	err     error
}

func (b *postingsBlock) reset() {
	b.terms = b.terms[:0]
	b.sources = b.sources[:0]
	b.merged = b.merged[:0]
	b.out.Reset()
	b.err = nil
	b.done = make(chan struct{})
}

// fieldPostingsMerge is what the workers of one field's merge share, all
// of it read only.
type fieldPostingsMerge struct {
	dicts          []*Dictionary
	focus          []int             // per dictionary: its segment's index in the merge
	drops          []*roaring.Bitmap // per segment: its dropped documents, nil when none
	newDocNums     []docNumMap       // per segment
	plan           copyPlan
	fieldsMap      map[string]uint16
	chunkMode      uint32
	newSegDocCount uint64
	processor      func([]byte) []byte // the file writer's callback
}

// postingsWorker encodes blocks with buffers of its own.
type postingsWorker struct {
	m          *fieldPostingsMerge
	postings   []*PostingsList // per dictionary: reused for each term
	postItr    *PostingsIterator
	tfEncoder  *chunkedIntCoder
	locEncoder *chunkedIntCoder
	bitmap     *roaring.Bitmap
	hits       []uint32 // the new document numbers of a term's hits, ascending
	locBuf     []byte
	bufLoc     []uint64
	// out writes into the block being encoded: its buffer itself, or a
	// FileWriter over it when the file has a callback (which chunked
	// coders apply to a FileWriter only); the file's own writer sums the
	// bytes when the block is written
	out io.Writer
}

func newPostingsWorker(m *fieldPostingsMerge) *postingsWorker {
	pw := &postingsWorker{
		m:          m,
		postings:   make([]*PostingsList, len(m.dicts)),
		tfEncoder:  newChunkedIntCoder(1024, m.newSegDocCount-1),
		locEncoder: newChunkedIntCoder(1024, m.newSegDocCount-1),
		bitmap:     roaring.NewBitmap(),
	}
	return pw
}

// encode encodes every term of b into b.out.
func (pw *postingsWorker) encode(b *postingsBlock) error {
	pw.out = &b.out
	if pw.m.processor != nil {
		pw.out = &FileWriter{c: NewCountHashWriter(&b.out), processor: pw.m.processor}
	}
	for i := range b.merged {
		if err := pw.encodeTerm(b, &b.merged[i]); err != nil {
			return err
		}
	}
	return nil
}

// encodeTerm merges one term's postings as the sequential merge did
// (finishTerm and writePostings): the segments in enumeration order, the
// chunk size from the merged cardinality, the one-hit encoding when it
// applies.
func (pw *postingsWorker) encodeTerm(b *postingsBlock, t *mergedTerm) error {
	m := pw.m
	sources := b.sources[t.sources[0]:t.sources[1]]
	var card uint64
	for _, s := range sources {
		segI := m.focus[s.itr]
		pl, err := m.dicts[s.itr].postingsListFromOffset(s.offset, m.drops[segI], pw.postings[s.itr])
		if err != nil {
			return err
		}
		pw.postings[s.itr] = pl
		card += pl.Count()
	}
	chunkSize, err := getChunkSize(m.chunkMode, card, m.newSegDocCount)
	if err != nil {
		return err
	}
	pw.tfEncoder.Reset()
	pw.locEncoder.Reset()
	pw.tfEncoder.SetChunkSize(chunkSize, m.newSegDocCount-1)
	pw.locEncoder.SetChunkSize(chunkSize, m.newSegDocCount-1)
	pw.bitmap.Clear()
	pw.hits = pw.hits[:0]

	term := b.terms[t.term[0]:t.term[1]]
	var lastDocNum, lastFreq, lastNorm uint64
	for _, s := range sources {
		pw.postItr = pw.postings[s.itr].iterator(true, true, true, pw.postItr)
		segI := m.focus[s.itr]
		if m.plan.ok[segI] {
			lastDocNum, lastFreq, lastNorm, pw.locBuf, err = mergeTermFreqNormLocsByCopying(
				term, pw.postItr, m.newDocNums[segI], &pw.hits,
				pw.tfEncoder, pw.locEncoder, m.plan.fields[segI], pw.locBuf)
		} else {
			lastDocNum, lastFreq, lastNorm, pw.bufLoc, err = mergeTermFreqNormLocs(
				m.fieldsMap, term, pw.postItr, m.newDocNums[segI], &pw.hits,
				pw.tfEncoder, pw.locEncoder, pw.bufLoc)
		}
		if err != nil {
			return err
		}
	}
	pw.bitmap.AddMany(pw.hits)
	pw.tfEncoder.Close()
	pw.locEncoder.Close()

	t.tfStart = b.out.Len()
	card = pw.bitmap.GetCardinality()
	if card == 0 {
		t.empty = true
		t.tfEnd, t.locStart, t.locEnd, t.bitmapEnd = t.tfStart, t.tfStart, t.tfStart, t.tfStart
		return nil
	}
	if card == 1 && pw.locEncoder.FinalSize() <= 0 {
		docNum := uint64(pw.bitmap.Minimum())
		if under32Bits(docNum) && docNum == lastDocNum && lastFreq == 1 {
			t.oneHit, t.oneHitValue = true, FSTValEncode1Hit(docNum, lastNorm)
			t.tfEnd, t.locStart, t.locEnd, t.bitmapEnd = t.tfStart, t.tfStart, t.tfStart, t.tfStart
			return nil
		}
	}
	if pw.tfEncoder.FinalSize() > 0 {
		if _, err := pw.tfEncoder.Write(pw.out); err != nil {
			return err
		}
	}
	t.tfEnd = b.out.Len()
	t.locStart = t.tfEnd
	if pw.locEncoder.FinalSize() > 0 {
		if _, err := pw.locEncoder.Write(pw.out); err != nil {
			return err
		}
	}
	t.locEnd = b.out.Len()
	bm, err := pw.bitmap.ToBytes()
	if err != nil {
		return err
	}
	if pw.m.processor != nil {
		bm = pw.m.processor(bm)
	}
	b.out.Write(bm)
	t.bitmapEnd = b.out.Len()
	return nil
}

// mergeWorkers is how many goroutines encode the postings of a merge;
// below 2, the merge's own goroutine encodes them.
var mergeWorkers atomic.Int32

// SetMergeWorkers sets how many goroutines encode the postings of the
// merges that start until restore is called, which sets the number back
// (vnsearch). Merging on two cores took a quarter more CPU in all for a
// sixth less time on a machine of two: worth it for a compaction that has
// the machine to itself, not for the merges that run beside a load.
func SetMergeWorkers(n int) (restore func()) {
	old := mergeWorkers.Swap(int32(n))
	return func() { mergeWorkers.Store(old) }
}

// mergeFieldPostings merges the postings of one field's terms, enumerated
// from itrs, into w and newVellum: for each term, its frequency/norm and
// location chunks, then its postings record (the offsets of both, its
// bitmap), then its dictionary entry, as finishTerm and writePostings
// wrote them. It stops with seg.ErrClosed when closeCh is closed.
func mergeFieldPostings(m *fieldPostingsMerge, itrs []vellum.Iterator, w *FileWriter,
	newVellum *vellum.Builder, closeCh chan struct{}) error {
	terms, err := newTermBlocks(itrs)
	if err != nil {
		return err
	}
	defer terms.close()
	buf := make([]byte, binary.MaxVarintLen64)
	workers := int(mergeWorkers.Load())
	if workers < 2 {
		b, pw := &postingsBlock{}, newPostingsWorker(m)
		for {
			b.reset()
			more, err := terms.fill(b, closeCh)
			if err != nil {
				return err
			}
			if err := pw.encode(b); err != nil {
				return err
			}
			if err := writePostingsBlock(b, w, newVellum, buf); err != nil {
				return err
			}
			if !more {
				return nil
			}
		}
	}

	inFlight := workers * postingsBlocksPerWorker
	free := make(chan *postingsBlock, inFlight)
	for range inFlight {
		free <- &postingsBlock{}
	}
	todo := make(chan *postingsBlock, inFlight)
	ordered := make(chan *postingsBlock, inFlight)
	stop := make(chan struct{})

	var wg sync.WaitGroup
	var produceErr error
	wg.Go(func() {
		defer close(todo)
		defer close(ordered)
		for more := true; more; {
			var b *postingsBlock
			select {
			case b = <-free:
			case <-stop:
				return
			}
			b.reset()
			more, produceErr = terms.fill(b, closeCh)
			if produceErr != nil {
				return
			}
			ordered <- b
			todo <- b
		}
	})
	for range workers {
		pw := newPostingsWorker(m)
		wg.Go(func() {
			for b := range todo {
				select {
				case <-stop:
				default:
					b.err = pw.encode(b)
				}
				close(b.done)
			}
		})
	}

	for b := range ordered {
		<-b.done
		if err == nil {
			err = b.err
			if err == nil {
				err = writePostingsBlock(b, w, newVellum, buf)
			}
			if err != nil {
				close(stop)
			}
		}
		free <- b
	}
	wg.Wait()
	if err != nil {
		return err
	}
	return produceErr
}

// termBlocks enumerates the terms of a field's dictionaries in order, a
// block at a time.
type termBlocks struct {
	enumerator *enumerator
	done       bool
}

func newTermBlocks(itrs []vellum.Iterator) (*termBlocks, error) {
	e, err := newEnumerator(itrs)
	if err != nil && err != vellum.ErrIteratorDone {
		return nil, err
	}
	return &termBlocks{enumerator: e, done: err == vellum.ErrIteratorDone}, nil
}

func (t *termBlocks) close() { t.enumerator.Close() }

// fill adds up to postingsBlockTerms terms to b, with the segments that
// hold each, and reports whether terms are left.
func (t *termBlocks) fill(b *postingsBlock, closeCh chan struct{}) (more bool, err error) {
	for !t.done && len(b.merged) < postingsBlockTerms {
		if isClosed(closeCh) {
			return false, seg.ErrClosed
		}
		term, _, _ := t.enumerator.Current()
		idxs := t.enumerator.lowIdxs // read in place: GetLowIdxsAndValues allocates per term
		m := mergedTerm{}
		m.term[0] = len(b.terms)
		b.terms = append(b.terms, term...)
		m.term[1] = len(b.terms)
		m.sources[0] = len(b.sources)
		for _, idx := range idxs {
			b.sources = append(b.sources, termSource{itr: idx, offset: t.enumerator.currVs[idx]})
		}
		m.sources[1] = len(b.sources)
		b.merged = append(b.merged, m)
		// one Next per segment holding the term: the last moves every
		// one of them on to its next term
		for range idxs {
			if err = t.enumerator.Next(); err != nil {
				break
			}
		}
		if err == vellum.ErrIteratorDone {
			t.done = true
		} else if err != nil {
			return false, err
		}
	}
	return !t.done, nil
}

// writePostingsBlock writes the encoded terms of b and adds them to the
// field's dictionary.
func writePostingsBlock(b *postingsBlock, w *FileWriter, newVellum *vellum.Builder, buf []byte) error {
	out := b.out.Bytes()
	for i := range b.merged {
		t := &b.merged[i]
		term := b.terms[t.term[0]:t.term[1]]
		switch {
		case t.empty:
			continue
		case t.oneHit:
			if err := newVellum.Insert(term, t.oneHitValue); err != nil {
				return err
			}
			continue
		}
		tfOffset, locOffset := uint64(termNotEncoded), uint64(termNotEncoded)
		if t.tfEnd > t.tfStart {
			tfOffset = uint64(w.Count())
			if _, err := w.Write(out[t.tfStart:t.tfEnd]); err != nil {
				return err
			}
		}
		if t.locEnd > t.locStart {
			locOffset = uint64(w.Count())
			if _, err := w.Write(out[t.locStart:t.locEnd]); err != nil {
				return err
			}
		}
		postingsOffset := uint64(w.Count())
		bitmap := out[t.locEnd:t.bitmapEnd]
		for _, v := range [...]uint64{tfOffset, locOffset, uint64(len(bitmap))} {
			n := binary.PutUvarint(buf, v)
			if _, err := w.Write(buf[:n]); err != nil {
				return err
			}
		}
		if _, err := w.Write(bitmap); err != nil {
			return err
		}
		if err := newVellum.Insert(term, postingsOffset); err != nil {
			return err
		}
	}
	return nil
}

// docNumMap maps the document numbers of a merged segment to those of
// the merge (vnsearch). The merge numbers the kept documents of each
// segment in a row, so a kept document's new number is the segment's
// first new number plus the kept documents before it. Upstream read it in
// a table of one number per document, whose reads for the scattered hits
// of each term missed the caches on segments of 100,000 articles; here a
// segment none of whose documents is dropped (every segment of a bulk
// load) adds an offset, and one with drops counts the kept documents in a
// bitmap of 64-document words (a sixty-fourth of the table's size) from
// the count at its word.
type docNumMap struct {
	base   uint64   // the new number of the segment's first kept document
	kept   []uint64 // bit d%64 of word d/64: document d is kept; nil: every one is
	before []uint64 // per word: base plus the kept documents of the words before
}

// newDocNumMap returns the map of table, the new number of each document
// of a segment (docDropped for a dropped one).
func newDocNumMap(table []uint64) docNumMap {
	n := uint64(len(table))
	if n > 0 && table[0] != docDropped && table[n-1] != docDropped && table[n-1]-table[0] == n-1 {
		// no document dropped: each one kept takes the next number, so
		// a drop would leave the last less than n-1 past the first
		return docNumMap{base: table[0]}
	}
	m := docNumMap{kept: make([]uint64, (n+63)/64), before: make([]uint64, (n+63)/64)}
	for d := len(table) - 1; d >= 0; d-- {
		if table[d] != docDropped {
			m.base = table[d] // the first kept one, last
			m.kept[d/64] |= 1 << (d % 64)
		}
	}
	count := m.base
	for w, bits64 := range m.kept {
		m.before[w] = count
		count += uint64(bits.OnesCount64(bits64))
	}
	return m
}

// at returns the new number of document docNum, docDropped if it is
// dropped.
func (m docNumMap) at(docNum uint64) uint64 {
	if m.kept == nil {
		return m.base + docNum
	}
	w := m.kept[docNum/64]
	if w&(1<<(docNum%64)) == 0 {
		return docDropped
	}
	return m.before[docNum/64] + uint64(bits.OnesCount64(w&(1<<(docNum%64)-1)))
}
