package search

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"github.com/vnsearch/vnsearch/search/synonym"
)

// Index is a Vietnamese news index on disk. It is safe for concurrent use.
type Index struct {
	bleve     bleve.Index
	docs      *documentBuilder                   // nil when the index's mapping is not this version's: read only
	political atomic.Pointer[synonym.Vocabulary] // the political vocabulary; nil: no expansion

	mu      sync.Mutex   // guards lengths
	lengths *lengthStats // average field lengths for BM25

	terms termDictionary // the suggestion dictionary, read on the first suggestion

	searching atomic.Int32 // searches in flight: a lone one converts its hits on every core

	facets facetState // the facet table of the current snapshot, read in the background
}

// Open opens the index in dir, creating it when dir holds none. An index
// built by another analysis version is refused with a *VersionError.
func Open(dir string, opts ...OpenOption) (*Index, error) { return open(dir, true, opts) }

// An OpenOption changes how Open opens an index.
type OpenOption func(config map[string]any)

// BulkLoad opens the index for a load of many articles that ends by
// Compact (ingest.Load compacts after a bulk load): while it is open,
// scorch merges up to bulkMergeSegments segments at a time, in place of
// ten at a time at every tier, whose merges of merges were work the final
// compaction did again: on the 63k corpus they were a sixth of the
// import's time (BENCHMARKS.md, "Session 8"). It still merges during the
// load (its budget counts segments of 2,000 articles), on the CPU the
// load leaves idle, which leaves the final merge fewer, larger segments.
func BulkLoad() OpenOption {
	return func(config map[string]any) {
		config["scorchMergePlanOptions"] = map[string]any{
			"MaxSegmentsPerTier":   bulkMergeSegments,
			"SegmentsPerMergeTask": bulkMergeSegments,
		}
	}
}

// bulkMergeSegments is the most segments a merge of a bulk load takes,
// and how many it lets accumulate in a tier.
const bulkMergeSegments = 100

// OpenAnyVersion opens the existing index in dir whatever analysis version
// built it, to read its articles back (Articles) into a rebuild.
func OpenAnyVersion(dir string) (*Index, error) {
	if !Exists(dir) {
		return nil, fmt.Errorf("open index %s: %w", dir, os.ErrNotExist)
	}
	return open(dir, false, nil)
}

// Exists reports whether dir holds an index.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

func open(dir string, check bool, opts []OpenOption) (*Index, error) {
	config := maps.Clone(openConfig)
	for _, o := range opts {
		o(config)
	}
	b, err := openBleve(dir, config)
	if err != nil {
		return nil, err
	}
	if check {
		if err := checkVersion(dir, b); err != nil {
			b.Close()
			return nil, err
		}
	}
	docs, err := newDocumentBuilder(b.Mapping())
	if err != nil && check {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix := &Index{bleve: b, docs: docs}
	ix.political.Store(synonym.Default())
	return ix, nil
}

// openConfig bounds the wait for scorch's root.bolt, which another
// process may hold: a held index fails to open instead of hanging.
var openConfig = map[string]any{"bolt_timeout": "5s"}

// openBleve opens the bleve index in dir with the runtime config,
// creating one stamped with AnalysisVersion first when dir holds none.
// bleve records the config an index is created with and applies it at
// every open after, so an index is created bare, then opened.
func openBleve(dir string, config map[string]any) (bleve.Index, error) {
	if !Exists(dir) {
		b, err := createBleve(dir)
		if err != nil {
			return nil, err
		}
		if err := b.Close(); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	}
	b, err := bleve.OpenUsing(dir, config)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return b, nil
}

// createBleve creates the index in dir, stamped with AnalysisVersion.
func createBleve(dir string) (bleve.Index, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("create index directory: %w", err)
	}
	b, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := stampVersion(b); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// SetVocabulary replaces the political vocabulary queries expand with
// (synonym.Default() after Open); nil turns expansion off.
func (ix *Index) SetVocabulary(v *synonym.Vocabulary) { ix.political.Store(v) }

// Close releases the index.
func (ix *Index) Close() error {
	ix.facets.close()
	if err := ix.bleve.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// Index adds or replaces articles by id, as one atomic batch: when it
// returns nil, every article is durable on disk.
func (ix *Index) Index(ctx context.Context, articles ...Article) error {
	if len(articles) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if ix.docs == nil {
		return fmt.Errorf("index %d articles: %w", len(articles), errReadOnly)
	}
	b := ix.bleve.NewBatch()
	for i := range articles {
		a := &articles[i]
		if a.ID == "" {
			return fmt.Errorf("index article %q: empty id", a.Title)
		}
		doc, err := ix.docs.build(a)
		if err != nil {
			return fmt.Errorf("index article %s: %w", a.ID, err)
		}
		if err := b.IndexAdvanced(doc); err != nil {
			return fmt.Errorf("index article %s: %w", a.ID, err)
		}
	}
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("index batch of %d: %w", len(articles), err)
	}
	ix.terms.written()
	return nil
}

// Article returns the stored article with id, or ErrNotFound.
func (ix *Index) Article(ctx context.Context, id string) (*Article, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = storedFields
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("load article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return fromFields(id, res.Hits[0].Fields), nil
}

// Count returns the number of articles indexed.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Existing counts how many of ids are already in the index.
func (ix *Index) Existing(ctx context.Context, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("look up %d ids: %w", len(ids), err)
	}
	return int(res.Total), nil
}

// DiskSize adds up the sizes of the files under an index directory.
func DiskSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
