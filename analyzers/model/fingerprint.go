package model

import (
	"crypto/sha256"
	"encoding/hex"
)

// Fingerprint is a hash of the embedded catalog, which decides the models
// stored in an article: the index records it (search.AnalysisVersion).
func Fingerprint() string {
	sum := sha256.Sum256([]byte(catalogFile))
	return hex.EncodeToString(sum[:8])
}
