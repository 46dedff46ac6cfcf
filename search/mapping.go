package search

import (
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// Index fields. The searchable text is indexed twice: with diacritics (vi)
// and folded (vi_folded, the "_folded" twin). Title, lead and body are
// indexed together in the text field (title, lead and body joined by
// segmentSep), so a word's score does not depend on how many of the three
// hold it, and the title once more on its own for the title bonus. The
// text's adjacent syllables are indexed folded as pairs (pairs_folded, no
// positions; see pairs.go), which is how phrases match; the text field keeps
// the positions of its syllables, read only on the documents a phrase's
// pairs match (see pairPhrase).
const (
	fieldTitle      = "title"
	fieldText       = "text"
	fieldLead       = "lead"
	fieldBody       = "body"
	foldedSuffix    = "_folded"
	fieldURL        = "url"
	fieldSource     = "source"
	fieldAuthor     = "author"
	fieldCategory   = "category"
	fieldPublished  = "published"
	fieldCrawled    = "crawled"
	fieldYear       = "year"
	fieldUnits      = "units"
	fieldDirectives = "directives"
	fieldDocuments  = "documents"
	fieldExample    = "example"
	fieldModels     = "models"
	fieldGroup      = "group"
	fieldUnitKeys   = "unit_keys"  // units folded: filters match however the name is typed
	fieldModelKeys  = "model_keys" // models folded, likewise
	fieldMonth      = "ym"         // publication month in Vietnam ("2024-05"): the timeline's facet, not stored
)

// exactFields are the indexed fields that are not analyzed text.
var exactFields = append([]string{fieldUnitKeys, fieldModelKeys, fieldMonth, fieldPublished, fieldCrawled, fieldExample}, keywordFields...)

// analyzedFields are the fields indexed by vi, each with a vi_folded twin.
var analyzedFields = []string{fieldTitle, fieldText}

// segmentSep joins title, lead and body in the text field.
const segmentSep = "\n\n"

// segment is one stored text (title, lead or body) and where it starts in
// the text field.
type segment struct {
	name, text string
	off        int
}

// segments returns title, lead and body with their offsets in the text
// field.
func segments(title, lead, body string) []segment {
	return []segment{
		{fieldTitle, title, 0},
		{fieldLead, lead, len(title) + len(segmentSep)},
		{fieldBody, body, len(title) + len(lead) + 2*len(segmentSep)},
	}
}

// joined is the text field of an article.
func joined(title, lead, body string) string {
	return title + segmentSep + lead + segmentSep + body
}

// keywordFields hold exact values for filters and facets.
var keywordFields = []string{fieldSource, fieldUnits, fieldDirectives, fieldDocuments, fieldModels, fieldGroup, fieldYear}

// newMapping builds the index mapping: BM25 scoring, one static document
// mapping, nothing indexed that is not declared here.
func newMapping() *mapping.IndexMappingImpl {
	doc := mapping.NewDocumentStaticMapping()
	for _, name := range analyzedFields {
		vi := mapping.NewTextFieldMapping()
		vi.Analyzer = analyzers.Name
		vi.Store = name == fieldTitle
		vi.IncludeTermVectors = name == fieldText // exact phrases, checked among the pairs' matches
		vi.IncludeInAll = false
		vi.DocValues = false
		folded := mapping.NewTextFieldMapping()
		folded.Name = name + foldedSuffix
		folded.Analyzer = analyzers.FoldedName
		if name == fieldText {
			folded.Analyzer = synonym.AnalyzerName // files vocabulary set keys too
		}
		folded.Store = false
		folded.IncludeTermVectors = false
		folded.IncludeInAll = false
		folded.DocValues = false
		fields := []*mapping.FieldMapping{vi, folded}
		if name == fieldText {
			fields = append(fields, pairMapping(fieldFoldedPairs, foldedPairAnalyzerNm))
		}
		doc.AddFieldMappingsAt(name, fields...)
	}
	for _, name := range keywordFields {
		kw := mapping.NewKeywordFieldMapping()
		kw.Store = true
		kw.IncludeInAll = false
		kw.IncludeTermVectors = false
		kw.DocValues = true
		doc.AddFieldMappingsAt(name, kw)
	}
	for _, name := range []string{fieldUnitKeys, fieldModelKeys} {
		kw := mapping.NewKeywordFieldMapping()
		kw.Store = false
		kw.IncludeInAll = false
		kw.IncludeTermVectors = false
		kw.DocValues = false
		doc.AddFieldMappingsAt(name, kw)
	}
	month := mapping.NewKeywordFieldMapping()
	month.Store = false
	month.IncludeInAll = false
	month.IncludeTermVectors = false
	month.DocValues = true // faceted by the search's own pass
	doc.AddFieldMappingsAt(fieldMonth, month)
	for _, name := range []string{fieldLead, fieldBody, fieldURL, fieldAuthor, fieldCategory} {
		stored := mapping.NewTextFieldMapping()
		stored.Analyzer = keyword.Name
		stored.Index = false
		stored.Store = true
		stored.IncludeInAll = false
		stored.IncludeTermVectors = false
		stored.DocValues = false
		doc.AddFieldMappingsAt(name, stored)
	}
	for _, name := range []string{fieldPublished, fieldCrawled} {
		dt := mapping.NewDateTimeFieldMapping()
		dt.Store = true
		dt.IncludeInAll = false
		dt.DocValues = true
		doc.AddFieldMappingsAt(name, dt)
	}
	ex := mapping.NewBooleanFieldMapping()
	ex.Store = true
	ex.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldExample, ex)

	im := mapping.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = analyzers.Name
	im.ScoringModel = bleveindex.BM25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

// pairMapping indexes the text field's syllable pairs under name, without
// positions (the text field's are read, see pairPhrase), nothing stored.
func pairMapping(name, analyzer string) *mapping.FieldMapping {
	m := mapping.NewTextFieldMapping()
	m.Name = name
	m.Analyzer = analyzer
	m.Store = false
	m.IncludeTermVectors = false
	m.IncludeInAll = false
	m.DocValues = false
	return m
}

// toDoc converts an article to the document bleve indexes.
func toDoc(a *Article) map[string]any {
	d := map[string]any{
		fieldTitle:      a.Title,
		fieldText:       joined(IndexedText(a.Title), IndexedText(a.Lead), IndexedText(a.Body)),
		fieldLead:       a.Lead,
		fieldBody:       a.Body,
		fieldURL:        a.URL,
		fieldSource:     a.Source,
		fieldAuthor:     a.Author,
		fieldCategory:   a.Category,
		fieldUnits:      a.Units,
		fieldDirectives: a.Directives,
		fieldDocuments:  a.Documents,
		fieldModels:     a.Models,
		fieldUnitKeys:   foldAll(a.Units),
		fieldModelKeys:  foldAll(a.Models),
		fieldExample:    a.Example,
	}
	if a.Group != "" {
		d[fieldGroup] = a.Group
	}
	if !a.Published.IsZero() {
		d[fieldPublished] = a.Published
		d[fieldMonth] = a.Published.In(vnZone).Format(monthFormat)
	}
	if !a.Crawled.IsZero() {
		d[fieldCrawled] = a.Crawled
	}
	if a.Year != 0 {
		d[fieldYear] = strconv.Itoa(a.Year)
	}
	return d
}

// foldAll folds every value: the keys unit and model filters match.
func foldAll(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = analyzers.Fold(v)
	}
	return out
}

// storedFields are the fields a hit loads to rebuild an Article.
var storedFields = []string{
	fieldTitle, fieldLead, fieldBody, fieldURL, fieldSource, fieldAuthor, fieldCategory, fieldPublished,
	fieldCrawled, fieldYear, fieldUnits, fieldDirectives, fieldDocuments, fieldExample, fieldModels, fieldGroup,
}

// fromFields rebuilds an article from the stored fields of a hit.
func fromFields(id string, f map[string]any) *Article {
	a := &Article{
		ID:         id,
		Title:      str(f[fieldTitle]),
		Lead:       str(f[fieldLead]),
		Body:       str(f[fieldBody]),
		URL:        str(f[fieldURL]),
		Source:     str(f[fieldSource]),
		Author:     str(f[fieldAuthor]),
		Category:   str(f[fieldCategory]),
		Published:  date(f[fieldPublished]),
		Crawled:    date(f[fieldCrawled]),
		Units:      strs(f[fieldUnits]),
		Directives: strs(f[fieldDirectives]),
		Documents:  strs(f[fieldDocuments]),
		Models:     strs(f[fieldModels]),
		Group:      str(f[fieldGroup]),
	}
	a.Year, _ = strconv.Atoi(str(f[fieldYear]))
	a.Example, _ = f[fieldExample].(bool)
	return a
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs reads a stored multi-valued field: bleve returns a string for one
// value and a slice for several.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func date(v any) time.Time {
	s, ok := v.(string)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.In(vnZone)
}

// vnZone is Vietnam's time (UTC+7, no daylight saving since 1975).
var vnZone = time.FixedZone("ICT", 7*3600)
