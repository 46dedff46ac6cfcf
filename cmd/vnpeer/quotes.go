package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
)

// quoteWords is the length of a drawn passage.
const quoteWords = 8

// quotes draws n passages from the corpus and writes them, typed four
// ways, as phrase queries with their qrels.
func quotes(corpusPath, nArg, queriesPath, qrelsPath string) error {
	n, err := strconv.Atoi(nArg)
	if err != nil || n <= 0 {
		return fmt.Errorf("count of passages: want a positive number, got %q", nArg)
	}
	articles, err := loadCorpus(corpusPath)
	if err != nil {
		return err
	}
	folded := make([]string, len(articles))
	for i, a := range articles {
		folded[i] = " " + foldedWords(a.Title+" . "+a.Body) + " "
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var queries, qrels strings.Builder
	for q := 0; q < n; {
		a := articles[rng.IntN(len(articles))]
		passage, ok := passage(a.Body, rng)
		if !ok || !analyzers.HasDiacritics(passage) {
			continue
		}
		key := " " + foldedWords(passage) + " "
		var holders []string
		for i, f := range folded {
			if strings.Contains(f, key) {
				holders = append(holders, articles[i].ID)
			}
		}
		if len(holders) == 0 || len(holders) > 5 { // boilerplate, not a quote
			continue
		}
		q++
		for _, ty := range typings {
			qid := fmt.Sprintf("k%03d%s", q, ty.name)
			fmt.Fprintf(&queries, "%s\t%s\t%s\n", qid, ty.mode, ty.f(passage))
			for _, id := range holders {
				fmt.Fprintf(&qrels, "%s\t%s\n", qid, id)
			}
		}
	}
	if err := os.WriteFile(queriesPath, []byte(queries.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(qrelsPath, []byte(qrels.String()), 0o644)
}

// typings are the ways a passage is typed: as a phrase exact, without
// diacritics, with the other tone placement and in NFD; and pasted without
// quotes (terms), exact and without diacritics.
var typings = []struct {
	name, mode string
	f          func(string) string
}{
	{"x", "phrase", func(s string) string { return s }},
	{"f", "phrase", analyzers.Fold},
	{"t", "phrase", analyzers.SwapTone},
	{"d", "phrase", norm.NFD.String},
	{"X", "terms", func(s string) string { return s }},
	{"F", "terms", analyzers.Fold},
}

// passage picks quoteWords consecutive words inside one sentence of body.
func passage(body string, rng *rand.Rand) (string, bool) {
	sentences := strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune(".!?\n;:“”\"()", r) })
	if len(sentences) == 0 {
		return "", false
	}
	words := strings.Fields(sentences[rng.IntN(len(sentences))])
	if len(words) < quoteWords {
		return "", false
	}
	start := rng.IntN(len(words) - quoteWords + 1)
	return strings.Trim(strings.Join(words[start:start+quoteWords], " "), ",- "), true
}

func foldedWords(s string) string {
	toks := analyzers.AnalyzeFolded(s)
	words := make([]string, 0, len(toks))
	for i, t := range toks {
		if i == 0 || t.Position != toks[i-1].Position {
			words = append(words, t.Term)
		}
	}
	return strings.Join(words, " ")
}
