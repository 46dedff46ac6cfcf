// Package ingest loads articles in the import format (JSONL, gzip too)
// into the index: the pipeline of `vnsearch import` and of the live
// import of `vnsearch serve` (POST /api/admin/import).
//
// One goroutine reads lines, workers parse them and fill their metadata
// and copy sketches in parallel, and one writer, in input order, groups
// the syndicated copies and writes batches bounded by articles and by
// bytes. Every batch is durable when it is counted.
package ingest
