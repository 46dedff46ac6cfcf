// Package ingest loads articles in the import format (JSONL, gzip too)
// into the index: the pipeline of `vnsearch import` and of the live
// import of `vnsearch serve` (POST /api/admin/import).
//
// One goroutine reads lines, workers parse them and fill their metadata
// and copy sketches in parallel, and one writer, in input order, groups
// the syndicated copies and hands batches bounded by articles and by
// bytes to index writes, up to Config.Writes in flight (the index builds
// a batch's segment in the writing goroutine). A batch repeating an id waits for
// the writes before it, so the last line wins. Batches are counted in
// input order, each once it is durable.
package ingest
