package search

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/vnsearch/vnsearch/analyzers/directive"
	"github.com/vnsearch/vnsearch/analyzers/model"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// analysisRevision numbers the mapping and the analysis by hand: bump it
// whenever a change to the mapping (mapping.go), to an analyzer or token
// filter (analyzers/) or to the metadata recognizers makes an article
// index differently. The shipped data files are hashed instead.
const analysisRevision = 5 // 2: phrases by syllable pairs, no positions in the text fields; 3: ym, the month; 4: no exact pairs, positions on text; 5: no positions on the pairs

// AnalysisVersion names how this binary turns an article into index terms:
// the revision and a hash of the shipped data that analysis and metadata
// read (the political vocabulary, the directive and model catalogs). An
// index records the version that built it, and Open refuses another.
var AnalysisVersion = analysisVersion(analysisRevision, synonym.Fingerprint(), directive.Fingerprint(), model.Fingerprint())

func analysisVersion(revision int, fingerprints ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(fingerprints, "\n")))
	return fmt.Sprintf("%d-%x", revision, sum[:6])
}

// versionKey is the bleve internal key that holds the analysis version.
var versionKey = []byte("vnsearch.analysis_version")

// VersionError is the error of Open on an index built by another analysis
// version: its terms do not match what this binary's queries look for.
type VersionError struct {
	Dir    string // the index directory
	Index  string // the version that built the index; "" when none is recorded
	Binary string // AnalysisVersion
}

func (e *VersionError) Error() string {
	built := e.Index
	if built == "" {
		built = "(none recorded)"
	}
	return fmt.Sprintf("the index in %s was built by analysis version %s; this binary uses %s", e.Dir, built, e.Binary)
}

// checkVersion compares the version recorded in b with AnalysisVersion. An
// empty index without one (a crash right after creation) is stamped.
func checkVersion(dir string, b bleve.Index) error {
	have, err := b.GetInternal(versionKey)
	if err != nil {
		return fmt.Errorf("read the analysis version of %s: %w", dir, err)
	}
	if string(have) == AnalysisVersion {
		return nil
	}
	if have == nil {
		if n, err := b.DocCount(); err == nil && n == 0 {
			return stampVersion(b)
		}
	}
	return &VersionError{Dir: dir, Index: string(have), Binary: AnalysisVersion}
}

// stampVersion records AnalysisVersion in b.
func stampVersion(b bleve.Index) error {
	if err := b.SetInternal(versionKey, []byte(AnalysisVersion)); err != nil {
		return fmt.Errorf("record the analysis version: %w", err)
	}
	return nil
}

// Version returns the analysis version recorded in the index, "" when none.
func (ix *Index) Version() (string, error) {
	v, err := ix.bleve.GetInternal(versionKey)
	if err != nil {
		return "", fmt.Errorf("read the analysis version: %w", err)
	}
	return string(v), nil
}
