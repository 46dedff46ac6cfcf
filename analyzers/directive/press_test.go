package directive

import (
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/internal/corpustest"
)

// press asks for the comparison with the press, which reads the whole
// corpus (half a minute).
var press = flag.Bool("press", false, "compare the catalog with the dates the shared corpus cites")

// corpusDir holds the shared real-article corpus (measurement only).
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

// pressCitation matches a central document cited with its issue date, as
// the press writes it: "Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban
// Chấp hành Trung ương về …", the issuer sometimes before the date.
var pressCitation = regexp.MustCompile(`(?i)(chỉ thị|nghị quyết|kết luận|quy định|hướng dẫn|thông báo)\s+(?:số\s+)?(\d{1,4}\s*-?\s*(?:nq|ct|kl|qđi|qđ|hd|tb)\s*/\s*tw)` +
	`([^.;\n]{0,70}?)ngày\s+(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})`)

// citation is one document the press cites with a date.
type citation struct {
	symbol, date string
	articles     []string
}

// TestCatalogAgainstPress reads the shared corpus for documents cited with
// their issue date and compares the dates with the catalog's: the same
// date (agree), another date in the same term (disagree: one of the two
// is wrong), or a term the catalog has no document of that symbol for (a
// document the catalog lacks). It reports the table BENCHMARKS.md quotes
// and fails when the catalog disagrees with the press more often than it
// agrees.
//
//	go test -run TestCatalogAgainstPress -v ./analyzers/directive/ -press
func TestCatalogAgainstPress(t *testing.T) {
	if !*press {
		t.Skip("reads the whole corpus: run with -press")
	}
	cites := pressCitations(t)
	var agree, disagree, lacking, mentions int
	var table []string
	for _, c := range cites {
		mentions += len(c.articles)
		sym, _ := parseSymbol(c.symbol)
		_, docs := catalogSymbol(sym)
		switch {
		case slices.ContainsFunc(docs, func(d Doc) bool { return d.Date == c.date }):
			agree++
		case slices.ContainsFunc(docs, func(d Doc) bool { return termOf(d.Date) == termOf(c.date) }):
			disagree++
			i := slices.IndexFunc(docs, func(d Doc) bool { return termOf(d.Date) == termOf(c.date) })
			table = append(table, fmt.Sprintf("| %s | %s | %s | %d | %s |", c.symbol, docs[i].Date, c.date, len(c.articles), c.articles[0]))
		default:
			lacking++
			t.Logf("catalog lacks %s of %s (%d articles, e.g. %s)", c.symbol, c.date, len(c.articles), c.articles[0])
		}
	}
	t.Logf("%d dated citations (%d distinct symbol and date): %d agree with the catalog, %d disagree, %d name documents it lacks",
		mentions, len(cites), agree, disagree, lacking)
	t.Logf("disagreements:\n| symbol | catalog | press | articles | e.g. |\n|---|---|---|---|---|\n%s", strings.Join(table, "\n"))
	if agree < 2*disagree {
		t.Errorf("the catalog agrees with the press on %d dates and disagrees on %d", agree, disagree)
	}
}

// pressCitations returns the distinct (symbol, date) pairs the corpus
// cites, sorted.
func pressCitations(t *testing.T) []citation {
	t.Helper()
	byKey := map[string]*citation{}
	for _, name := range []string{"crawls.jsonl.gz", "datasets.jsonl.gz"} {
		corpustest.Each(t, filepath.Join(corpusDir, name), func(a corpustest.Article) {
			id, text := a.ID, a.Title+"\n"+a.Lead+"\n"+a.Body
			for _, m := range pressCitation.FindAllStringSubmatch(text, -1) {
				if strings.Contains(m[3], "/") {
					continue // another number between symbol and date
				}
				sym, ok := parseSymbol(m[2])
				d, _ := strconv.Atoi(m[4])
				mo, _ := strconv.Atoi(m[5])
				if !ok || d < 1 || d > 31 || mo < 1 || mo > 12 {
					continue
				}
				c := citation{symbol: sym.String(), date: fmt.Sprintf("%s-%02d-%02d", m[6], mo, d)}
				k := c.symbol + " " + c.date
				if byKey[k] == nil {
					byKey[k] = &c
				}
				byKey[k].articles = append(byKey[k].articles, id)
			}
		})
	}
	var out []citation
	for _, c := range byKey {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b citation) int { return strings.Compare(a.symbol+a.date, b.symbol+b.date) })
	return out
}
