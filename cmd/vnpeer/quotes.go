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

// quoteWords is the length of a drawn passage; an edited one is drawn
// with quoteWords to maxEditedWords words.
const (
	quoteWords     = 8
	maxEditedWords = 12
)

// quotes draws n passages from the corpus (seed picks which) and writes them, typed four
// ways, as phrase queries with their qrels. With edited set, each passage
// is misremembered first (see misremember) and typed the three ways of
// editedTypings.
func quotes(corpusPath, nArg, queriesPath, qrelsPath, seedArg string, edited bool) error {
	n, err := strconv.Atoi(nArg)
	if err != nil || n <= 0 {
		return fmt.Errorf("count of passages: want a positive number, got %q", nArg)
	}
	seed, err := strconv.ParseUint(seedArg, 10, 64)
	if err != nil {
		return fmt.Errorf("seed: want a number, got %q", seedArg)
	}
	articles, err := loadCorpus(corpusPath)
	if err != nil {
		return err
	}
	folded := make([]string, len(articles))
	for i, a := range articles {
		folded[i] = " " + foldedWords(a.Title+" . "+a.Body) + " "
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	ways, length, prefix := typings, func() int { return quoteWords }, "k"
	if edited {
		ways, prefix = editedTypings, "e"
		length = func() int { return quoteWords + rng.IntN(maxEditedWords-quoteWords+1) }
	}
	var queries, qrels strings.Builder
	for q := 0; q < n; {
		a := articles[rng.IntN(len(articles))]
		passage, ok := passage(a.Body, length(), rng)
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
		typed := passage
		if edited {
			typed = misremember(passage, q, rng)
		}
		q++
		for _, ty := range ways {
			qid := fmt.Sprintf("%s%03d%s", prefix, q, ty.name)
			fmt.Fprintf(&queries, "%s\t%s\t%s\n", qid, ty.mode, ty.f(typed))
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

// editedTypings are the ways a misremembered passage is typed: in
// quotation marks, and without them, exact and without diacritics.
var editedTypings = []struct {
	name, mode string
	f          func(string) string
}{
	{"x", "phrase", func(s string) string { return s }},
	{"X", "terms", func(s string) string { return s }},
	{"F", "terms", analyzers.Fold},
}

// commonWords replace a word of a misremembered passage: the commonest
// syllables of Vietnamese news, so the wrong word is in most articles.
var commonWords = strings.Fields("là của và có được các những cho với người này đã trong một không cũng")

// misremember makes one edit to the words of passage, the kth drawn, in
// rotation: a word dropped, a word replaced by a common one, two
// neighbours swapped.
func misremember(passage string, k int, rng *rand.Rand) string {
	words := strings.Fields(passage)
	i := 1 + rng.IntN(len(words)-2) // an inner word: the ends may be cut anyway
	switch k % 3 {
	case 0:
		words = append(words[:i:i], words[i+1:]...)
	case 1:
		w := commonWords[rng.IntN(len(commonWords))]
		for strings.EqualFold(w, words[i]) {
			w = commonWords[rng.IntN(len(commonWords))]
		}
		words[i] = w
	default:
		words[i], words[i+1] = words[i+1], words[i]
	}
	return strings.Join(words, " ")
}

// passage picks n consecutive words inside one sentence of body.
func passage(body string, n int, rng *rand.Rand) (string, bool) {
	sentences := strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune(".!?\n;:“”\"()", r) })
	if len(sentences) == 0 {
		return "", false
	}
	words := strings.Fields(sentences[rng.IntN(len(sentences))])
	if len(words) < n {
		return "", false
	}
	start := rng.IntN(len(words) - n + 1)
	return strings.Trim(strings.Join(words[start:start+n], " "), ",- "), true
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
