package search

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/size"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// The title and text fields are each indexed under several analyzers
// (vi, vi_folded, the vocabulary's folded analyzer, the folded pair
// analyzer), which all start from the same syllables. A write builds the
// bleve document itself: the mapping maps every other field, and the
// analyzed fields of the title and of the text share one tokenization
// each, from which the exact and folded terms, the vocabulary keys and
// the folded pairs are derived exactly as the registered analyzers derive them
// (TestDocumentAsMapped compares the two indexes term by term).

// streamsOf names, for each analyzer of an analyzed field, the stream of
// a sharedText it indexes and how many times at most a term of it is
// counted (0: no bound).
var streamsOf = map[string]stream{
	analyzers.Name:       {of: func(s *sharedText) analysis.TokenStream { return s.exact }},
	analyzers.FoldedName: {of: func(s *sharedText) analysis.TokenStream { return s.folded }},
	synonym.AnalyzerName: {of: func(s *sharedText) analysis.TokenStream { return s.vocabulary }},
	foldedPairAnalyzerNm: {of: func(s *sharedText) analysis.TokenStream { return s.foldedPairs }, limit: maxPairRepeats},
}

// stream is the part of a sharedText one analyzer yields.
type stream struct {
	of    func(*sharedText) analysis.TokenStream
	limit int // occurrences of a term counted, the rest dropped (pairFilter's cap); 0: all
}

// errReadOnly refuses writes to an index opened by OpenAnyVersion whose
// mapping is another version's.
var errReadOnly = errors.New("the index was built by another analysis version: read only")

// sharedField is one field mapping of an analyzed field: its name, its
// indexing options and the stream it takes.
type sharedField struct {
	name    string
	options bleveindex.FieldIndexingOptions
	stream
}

// documentBuilder builds an article's bleve document with the index's
// mapping.
type documentBuilder struct {
	mapping mapping.IndexMapping
	fields  map[string][]sharedField // analyzed field (title, text) → its field mappings
}

// newDocumentBuilder reads the field mappings of the analyzed fields; an
// analyzer it does not know how to share is an error.
func newDocumentBuilder(m mapping.IndexMapping) (*documentBuilder, error) {
	impl, ok := m.(*mapping.IndexMappingImpl)
	if !ok || impl.DefaultMapping == nil {
		return nil, fmt.Errorf("index mapping %T has no default document mapping", m)
	}
	b := &documentBuilder{mapping: m, fields: map[string][]sharedField{}}
	for _, name := range analyzedFields {
		prop := impl.DefaultMapping.Properties[name]
		if prop == nil {
			return nil, fmt.Errorf("index mapping has no field %s", name)
		}
		for _, fm := range prop.Fields {
			st, ok := streamsOf[fm.Analyzer]
			if !ok || fm.Type != "text" {
				return nil, fmt.Errorf("field %s: analyzer %q (%s) is not shared", name, fm.Analyzer, fm.Type)
			}
			fieldName := fm.Name
			if fieldName == "" {
				fieldName = name
			}
			b.fields[name] = append(b.fields[name], sharedField{name: fieldName, options: fm.Options(), stream: st})
		}
	}
	return b, nil
}

// build returns the document of a: what toDoc maps, with the title and
// text fields analyzed from one tokenization each.
func (b *documentBuilder) build(a *Article) (*document.Document, error) {
	d := toDoc(a)
	values := map[string]string{fieldTitle: d[fieldTitle].(string), fieldText: d[fieldText].(string)}
	delete(d, fieldTitle)
	delete(d, fieldText)
	doc := document.NewDocument(a.ID)
	if err := b.mapping.MapDocument(doc, d); err != nil {
		return nil, fmt.Errorf("map article %s: %w", a.ID, err)
	}
	for _, name := range analyzedFields {
		text := &sharedText{text: []byte(values[name]), withPairs: name == fieldText}
		text.pending.Store(int32(len(b.fields[name])))
		for _, f := range b.fields[name] {
			doc.AddField(&textField{sharedField: f, text: text})
		}
	}
	// No field goes to _all (IncludeInAll is off everywhere): the mapping's
	// _all excludes the fields it mapped, this one all of them.
	excluded := make([]string, 0, len(doc.Fields))
	for _, f := range doc.Fields {
		excluded = append(excluded, f.Name())
	}
	doc.CompositeFields = doc.CompositeFields[:0]
	doc.AddField(document.NewCompositeFieldWithIndexingOptions("_all", true, nil, excluded, bleveindex.IndexField|bleveindex.IncludeTermVectors))
	return doc, nil
}

// sharedText is one text and, once analyzed, the streams of its fields.
type sharedText struct {
	text      []byte
	withPairs bool // derive the folded pairs too

	once                                   sync.Once
	pending                                atomic.Int32 // fields still to analyze; at 0 the streams are dropped
	exact, folded, vocabulary, foldedPairs analysis.TokenStream
}

// release is called by each field once it has its frequencies: the last
// one drops the streams, which the batch would otherwise hold until its
// segment is built.
func (s *sharedText) release() {
	if s.pending.Add(-1) == 0 {
		s.exact, s.folded, s.vocabulary, s.foldedPairs = nil, nil, nil, nil
	}
}

// analyze tokenizes the text once and derives each stream as its
// analyzer would: vi (normalize), vi_folded (fold), the vocabulary keys
// over the folded stream, the pairs of the folded stream.
func (s *sharedText) analyze() {
	s.once.Do(func() {
		toks := analyzers.Tokenizer{}.Tokenize(s.text)
		copies := make([]analysis.Token, len(toks))
		folded := make(analysis.TokenStream, len(toks))
		for i, t := range toks {
			copies[i] = *t
			folded[i] = &copies[i]
		}
		s.exact = analyzers.NormalizeFilter{}.Filter(toks)
		s.folded = analyzers.FoldFilter{}.Filter(folded)
		s.vocabulary = synonym.IndexFilter().Filter(s.folded)
		if s.withPairs {
			s.foldedPairs = adjacentPairs(s.folded, false)
		}
	})
}

// textField is one analyzed field of a sharedText: a bleve text field
// whose analysis takes its stream from the shared one.
type textField struct {
	sharedField
	text        *sharedText
	length      int // tokens counted
	frequencies bleveindex.TokenFrequencies
	// frequenciesSize is frequencies.Size(), measured by Analyze on an
	// analysis worker: bleve asks for the size in the goroutine that
	// writes the batch, where walking every pair term again held up the
	// segment's build.
	frequenciesSize int
}

// Name implements document.Field.
func (f *textField) Name() string { return f.name }

// ArrayPositions implements document.Field: the analyzed fields are not
// arrays.
func (f *textField) ArrayPositions() []uint64 { return nil }

// Options implements document.Field.
func (f *textField) Options() bleveindex.FieldIndexingOptions { return f.options }

// Value implements document.Field: the text (the stored title).
func (f *textField) Value() []byte { return f.text.text }

// NumPlainTextBytes implements document.Field.
func (f *textField) NumPlainTextBytes() uint64 { return uint64(len(f.text.text)) }

// EncodedFieldType implements document.Field: a text field.
func (f *textField) EncodedFieldType() byte { return 't' }

// Analyze implements document.Field.
func (f *textField) Analyze() {
	f.text.analyze()
	f.frequencies, f.length = tokenFrequencies(f.of(f.text), f.limit, f.options)
	f.frequenciesSize = f.frequencies.Size()
	f.text.release()
}

// tokenFrequencies is analysis.TokenFrequency for a field that is not an
// array, with its frequencies and locations allocated in slabs instead of
// one object per term and per location, counting at most limit
// occurrences of a term when limit > 0 (the others are dropped, as
// pairFilter drops them). It also returns the number of tokens counted.
// A location keeps the token's position only: nothing reads the byte
// offsets of an indexed term (snippets and highlights analyze the stored
// text again), and leaving them out makes the index a tenth smaller.
func tokenFrequencies(tokens analysis.TokenStream, limit int, options bleveindex.FieldIndexingOptions) (bleveindex.TokenFrequencies, int) {
	freqs := make(bleveindex.TokenFrequencies, len(tokens)/2)
	var slab []bleveindex.TokenFreq // the batch holds the frequencies until its segment is built: small slabs waste little
	vectors := options.IncludeTermVectors()
	var owners []*bleveindex.TokenFreq // each token's term, for its location; nil: dropped
	if vectors {
		owners = make([]*bleveindex.TokenFreq, len(tokens))
	}
	counted := 0
	for i, t := range tokens {
		tf, ok := freqs[string(t.Term)]
		if !ok {
			if len(slab) == cap(slab) {
				slab = make([]bleveindex.TokenFreq, 0, min(len(tokens)-i, freqSlab))
			}
			slab = append(slab, bleveindex.TokenFreq{Term: t.Term})
			tf = &slab[len(slab)-1]
			freqs[string(t.Term)] = tf
		} else if tf.Frequency() == limit {
			continue
		}
		tf.SetFrequency(tf.Frequency() + 1)
		counted++
		if vectors {
			owners[i] = tf
		}
	}
	if vectors {
		// Each term's locations are a window of one slice of pointers.
		pointers := make([]*bleveindex.TokenLocation, counted)
		locations := make([]bleveindex.TokenLocation, counted)
		next, used := 0, 0
		for i, t := range tokens {
			tf := owners[i]
			if tf == nil {
				continue
			}
			if tf.Locations == nil {
				n := tf.Frequency()
				tf.Locations = pointers[used : used : used+n]
				used += n
			}
			locations[next] = bleveindex.TokenLocation{Position: t.Position}
			tf.Locations = append(tf.Locations, &locations[next])
			next++
		}
	}
	if options.SkipFreqNorm() {
		for _, tf := range freqs {
			tf.SetFrequency(0)
		}
	}
	return freqs, counted
}

// freqSlab is the most term frequencies allocated at once.
const freqSlab = 128

// AnalyzedLength implements document.Field.
func (f *textField) AnalyzedLength() int { return f.length }

// AnalyzedTokenFrequencies implements document.Field.
func (f *textField) AnalyzedTokenFrequencies() bleveindex.TokenFrequencies { return f.frequencies }

// Size implements document.Field: the memory the field holds, as bleve's
// text field counts it (the shared text is counted once per field).
func (f *textField) Size() int {
	n := 64 + size.SizeOfPtr + len(f.name) + len(f.text.text)
	if f.frequencies != nil {
		n += f.frequenciesSize
	}
	return n
}
