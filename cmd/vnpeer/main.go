// Command vnpeer runs vnsearch through the peer benchmark (the scripts that
// run one corpus and one query set through several engines and score
// them; BENCHMARKS.md says how it is run), so that it is measured on the
// same corpus and queries as
// PostgreSQL, SQLite FTS5, Xapian, bleve's standard analyzer and
// minisearch, and writes the same JSON summary their adapters write.
//
//	vnpeer run CORPUS.jsonl QUERIES.tsv OUT.json WORKDIR
//	vnpeer rerun QUERIES.tsv OUT.json WORKDIR
//	vnpeer quotes CORPUS.jsonl N QUERIES.tsv QRELS.tsv [SEED]
//	vnpeer edited CORPUS.jsonl N QUERIES.tsv QRELS.tsv [SEED]
//
// run indexes CORPUS (title, lead and body, as vnsearch does), then runs
// every query twice, once untimed (rerun runs them again on the index
// a former run left in WORKDIR, after a ranking change); a "phrase" query is sent quoted, a
// "terms" query as typed. quotes writes a known-item benchmark: N passages
// of 8 words drawn from CORPUS (seeded, so repeatable), each typed four
// ways (exact, without diacritics, other tone placement, NFD) as phrase
// queries and two ways (exact, without diacritics) as terms, as a quote
// pasted without quotation marks, and the qrels naming every article that
// holds the passage; SEED (default 1) draws another set. edited writes the same for misremembered quotes:
// N passages of 8 to 12 words, each with one edit (a word dropped, replaced
// by a common word, or two neighbours swapped), typed in quotation marks
// and without them, exact and without diacritics; the qrels name the
// articles holding the passage as it was written.
package main

import (
	"fmt"
	"log/slog"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "run":
		if len(os.Args) != 6 {
			usage()
		}
		err = run(os.Args[2], os.Args[3], os.Args[4], os.Args[5])
	case "rerun":
		if len(os.Args) != 5 {
			usage()
		}
		err = rerun(os.Args[2], os.Args[3], os.Args[4])
	case "quotes", "edited":
		if len(os.Args) != 6 && len(os.Args) != 7 {
			usage()
		}
		seed := "1"
		if len(os.Args) == 7 {
			seed = os.Args[6]
		}
		err = quotes(os.Args[2], os.Args[3], os.Args[4], os.Args[5], seed, os.Args[1] == "edited")
	default:
		usage()
	}
	if err != nil {
		slog.Error("vnpeer failed", "err", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: vnpeer run CORPUS QUERIES OUT.json WORKDIR\n       vnpeer rerun QUERIES OUT.json WORKDIR\n       vnpeer quotes CORPUS N QUERIES.tsv QRELS.tsv [SEED]\n       vnpeer edited CORPUS N QUERIES.tsv QRELS.tsv [SEED]")
	os.Exit(2)
}
