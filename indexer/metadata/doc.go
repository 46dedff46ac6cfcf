// Package metadata fills the metadata facets of an article before it is
// indexed: its publication year, the units it names, the party directives
// and the state legal documents it references.
package metadata
