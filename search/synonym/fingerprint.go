package synonym

import (
	"crypto/sha256"
	"encoding/hex"
)

// Fingerprint is a hash of the shipped vocabulary file. The index-time
// filter files its set keys, so an index built with another vocabulary
// holds other keys: the index records the fingerprint (search.AnalysisVersion).
func Fingerprint() string {
	sum := sha256.Sum256([]byte(defaultVocabulary))
	return hex.EncodeToString(sum[:8])
}
