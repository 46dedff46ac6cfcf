package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/size"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// TestDocumentAsMapped indexes the same articles through the mapping
// (bleve's generic path, each analyzed field analyzed on its own) and
// through the document builder (one tokenization per text, with the
// mapping read back from disk for the second half, written after a
// reopen that also rewrites the first), and requires the same index:
// every field's terms with every posting (document, frequency, norm,
// positions), and every stored field. The builder keeps no byte offsets
// in the locations (see tokenFrequencies): TestLocationsWithoutOffsets.
func TestDocumentAsMapped(t *testing.T) {
	articles := append(loadDemo(t), fixtures...)
	articles = append(articles,
		Article{ID: "repeats", Title: "Nông thôn mới", Body: strings.Repeat("xây dựng nông thôn mới, ", 200)},
		Article{ID: "nfd", Title: "Nghi\u0302\u0323 quye\u0302\u0301t 05-NQ/TW", Body: "UBND tỉnh và Ủy ban nhân dân tỉnh; Chỉ thị 05-CT/TW năm 2016; HĐND xã."},
		Article{ID: "empty", Title: "", Body: "một"},
	)
	mapped, err := bleve.New(t.TempDir()+"/mapped", newMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer mapped.Close()
	b := mapped.NewBatch()
	for i := range articles {
		if err := b.Index(articles[i].ID, toDoc(&articles[i])); err != nil {
			t.Fatal(err)
		}
	}
	if err := mapped.Batch(b); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() + "/built"
	built, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := built.Index(context.Background(), articles[:len(articles)/2]...); err != nil {
		t.Fatal(err)
	}
	if err := built.Close(); err != nil {
		t.Fatal(err)
	}
	if built, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	if err := built.Index(context.Background(), articles...); err != nil {
		t.Fatal(err)
	}

	want, got := indexDump(t, mapped), indexDump(t, built.bleve)
	if len(want) < 1000 {
		t.Fatalf("the mapped index dumps %d lines: too few to compare", len(want))
	}
	for i := 0; i < max(len(want), len(got)); i++ {
		w, g := at(want, i), at(got, i)
		if w != g {
			t.Fatalf("line %d of %d: mapped %q, built %q", i, len(want), w, g)
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}

// indexDump lists an index's postings and stored fields, one sorted line
// each, by external id.
func indexDump(t *testing.T, idx bleve.Index) []string {
	t.Helper()
	r := openReader(t, idx)
	fields, err := r.Fields()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, field := range fields {
		dict, err := r.FieldDict(field)
		if err != nil {
			t.Fatal(err)
		}
		for e, err := dict.Next(); e != nil || err != nil; e, err = dict.Next() {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, postings(t, r, field, e.Term)...)
		}
		dict.Close()
	}
	ids, err := r.DocIDReaderAll()
	if err != nil {
		t.Fatal(err)
	}
	for id, err := ids.Next(); id != nil || err != nil; id, err = ids.Next() {
		if err != nil {
			t.Fatal(err)
		}
		ext, _ := r.ExternalID(id)
		doc, err := r.Document(ext)
		if err != nil {
			t.Fatal(err)
		}
		doc.VisitFields(func(f bleveindex.Field) {
			out = append(out, fmt.Sprintf("stored %s %s %v %c %q", ext, f.Name(), f.ArrayPositions(), f.EncodedFieldType(), f.Value()))
		})
	}
	slices.Sort(out)
	return out
}

// openReader returns a reader of idx's current snapshot, closed when the
// test ends.
func openReader(t *testing.T, idx bleve.Index) bleveindex.IndexReader {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// postings lists the postings of term in field, one line each.
func postings(t *testing.T, r bleveindex.IndexReader, field, term string) []string {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	var out []string
	for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
		if err != nil {
			t.Fatal(err)
		}
		ext, _ := r.ExternalID(d.ID)
		line := fmt.Sprintf("%s %q %s freq=%d norm=%g", field, term, ext, d.Freq, d.Norm)
		for _, v := range d.Vectors {
			line += fmt.Sprintf(" [%s %d %v]", v.Field, v.Pos, v.ArrayPositions) // the builder keeps no offsets
		}
		out = append(out, line)
	}
	return out
}

// BenchmarkDocument builds and analyzes the documents of the demo corpus
// as an index write does (the segment aside): through the mapping, each
// analyzed field tokenized on its own, and through the document builder.
//
//	go test ./search -run NONE -bench Document -benchmem
func BenchmarkDocument(b *testing.B) {
	articles := loadDemo(b)
	m := newMapping()
	builder, err := newDocumentBuilder(m)
	if err != nil {
		b.Fatal(err)
	}
	analyze := func(doc *document.Document) {
		doc.VisitFields(func(f bleveindex.Field) {
			if f.Options().IsIndexed() {
				f.Analyze()
			}
		})
	}
	b.Run("mapped", func(b *testing.B) {
		for b.Loop() {
			for i := range articles {
				doc := document.NewDocument(articles[i].ID)
				if err := m.MapDocument(doc, toDoc(&articles[i])); err != nil {
					b.Fatal(err)
				}
				analyze(doc)
			}
		}
	})
	b.Run("built", func(b *testing.B) {
		for b.Loop() {
			for i := range articles {
				doc, err := builder.build(&articles[i])
				if err != nil {
					b.Fatal(err)
				}
				analyze(doc)
			}
		}
	})
}

// TestTextFieldSize: an analyzed field tells bleve the size of what it
// holds as its frequencies measure it, although it measured them when
// analyzed.
func TestTextFieldSize(t *testing.T) {
	articles := loadDemo(t)
	builder, err := newDocumentBuilder(newMapping())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := builder.build(&articles[0])
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	doc.VisitFields(func(f bleveindex.Field) {
		tf, ok := f.(*textField)
		if !ok {
			return
		}
		f.Analyze()
		want := 64 + size.SizeOfPtr + len(tf.name) + len(tf.text.text) + tf.frequencies.Size()
		if got := tf.Size(); got != want || len(tf.frequencies) == 0 {
			t.Errorf("%s: Size %d, want %d (%d terms)", tf.name, got, want, len(tf.frequencies))
		}
		checked++
	})
	if checked < 5 {
		t.Errorf("%d analyzed fields checked, want the title's and the text's", checked)
	}
}

// TestLocationsWithoutOffsets asserts that the text field keeps each
// occurrence's position and no byte offsets, and the pairs field counts
// its pairs without positions.
func TestLocationsWithoutOffsets(t *testing.T) {
	ix := newTestIndex(t, Article{ID: "a", Title: "Tin", Body: "Xây dựng nông thôn mới, nông thôn giàu đẹp."})
	reader := openReader(t, ix.bleve)
	for _, c := range []struct {
		field, term string
		freq        uint64
		want        []uint64
	}{
		{fieldText, "thôn", 2, []uint64{5, 8}},
		{fieldFoldedPairs, "nong thon", 2, nil},
	} {
		tfr, err := reader.TermFieldReader(context.Background(), []byte(c.term), c.field, true, true, true)
		if err != nil {
			t.Fatal(err)
		}
		d, err := tfr.Next(nil)
		tfr.Close()
		if err != nil || d == nil {
			t.Fatalf("%s %q: %v, %v", c.field, c.term, d, err)
		}
		if d.Freq != c.freq {
			t.Errorf("%s %q: frequency %d, want %d", c.field, c.term, d.Freq, c.freq)
		}
		var got []uint64
		for _, v := range d.Vectors {
			got = append(got, v.Pos)
			if v.Start != 0 || v.End != 0 {
				t.Errorf("%s %q at %d: offsets %d-%d kept", c.field, c.term, v.Pos, v.Start, v.End)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: positions %v, want %v", c.field, c.term, got, c.want)
		}
	}
}
