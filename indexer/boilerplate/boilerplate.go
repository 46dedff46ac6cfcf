package boilerplate

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Threshold is the number of distinct pages of a host on which a block
// is boilerplate. Two articles may share a quote; three pages repeating a
// block word for word is a template.
const Threshold = 3

// maxBlocks bounds the blocks one page adds to the memory.
const maxBlocks = 4000

// Hash identifies a block of text whatever its case and spacing.
type Hash uint64

// HashOf hashes a block's text, lowered, NFC and with its white space
// collapsed. Blocks without a letter or digit hash to 0 and are ignored.
func HashOf(text string) Hash {
	if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(text))), " ")))
	return Hash(h.Sum64())
}

// Seen is what the memory knows of one block of a host.
type Seen struct {
	// Pages counts the distinct pages that held the block.
	Pages int
	// First are the ids of the first pages that held it, at most
	// Threshold of them.
	First []string
}

// Store is the per-host memory (state.DB implements it).
type Store interface {
	// ObserveBlocks records that page holds blocks and returns what is
	// known of each after that.
	ObserveBlocks(host, page string, blocks []uint64, keep int) (map[uint64]Seen, error)
	// Blocks returns what is known of blocks without recording anything.
	Blocks(host string, blocks []uint64) (map[uint64]Seen, error)
}

// Page is one article page as the filter sees it.
type Page struct {
	Host, ID string
	// Title and Own (the page's descriptions) are the page's own text:
	// never boilerplate on this page.
	Title string
	Own   []string
	Lead  string
	Body  string // one block a line
	// Blocks are all the lines of the rendered page, article or not.
	Blocks []string
}

// Cleaned is a page with its boilerplate dropped.
type Cleaned struct {
	Lead, Body string
	// Dropped counts the lines dropped.
	Dropped int
	// Recheck are earlier pages of the host that held a block that became
	// boilerplate with this page: they need a second pass (Strip).
	Recheck []string
}

// Clean records the page's blocks in the host's memory and drops from its
// lead and body the blocks seen on Threshold pages or more.
func Clean(store Store, p Page) (Cleaned, error) {
	own := map[Hash]bool{HashOf(p.Title): true}
	for _, o := range p.Own {
		own[HashOf(o)] = true
	}
	var blocks []uint64
	added := map[Hash]bool{0: true}
	for _, lines := range [][]string{{p.Lead}, strings.Split(p.Body, "\n"), p.Blocks} {
		for _, l := range lines {
			h := HashOf(l)
			if !added[h] && !own[h] && len(blocks) < maxBlocks {
				added[h] = true
				blocks = append(blocks, uint64(h))
			}
		}
	}
	seen, err := store.ObserveBlocks(p.Host, p.ID, blocks, Threshold)
	if err != nil {
		return Cleaned{}, fmt.Errorf("template memory of %s: %w", p.Host, err)
	}
	c := strip(p.Lead, p.Body, own, seen)
	for _, h := range blocks {
		if s := seen[h]; s.Pages == Threshold {
			for _, id := range s.First {
				if id != p.ID && !slices.Contains(c.Recheck, id) {
					c.Recheck = append(c.Recheck, id)
				}
			}
		}
	}
	return c, nil
}

// Strip drops from an article of host the blocks its memory holds as
// boilerplate, recording nothing: the second pass over an earlier page.
// The title and own texts are kept.
func Strip(store Store, host, title string, own []string, lead, body string) (Cleaned, error) {
	keep := map[Hash]bool{HashOf(title): true}
	for _, o := range own {
		keep[HashOf(o)] = true
	}
	var blocks []uint64
	for _, l := range append([]string{lead}, strings.Split(body, "\n")...) {
		if h := HashOf(l); h != 0 && !keep[h] {
			blocks = append(blocks, uint64(h))
		}
	}
	seen, err := store.Blocks(host, blocks)
	if err != nil {
		return Cleaned{}, fmt.Errorf("template memory of %s: %w", host, err)
	}
	return strip(lead, body, keep, seen), nil
}

// strip drops the lines seen on Threshold pages that are not own; a body
// that would be left empty is kept whole.
func strip(lead, body string, own map[Hash]bool, seen map[uint64]Seen) Cleaned {
	boiler := func(l string) bool {
		h := HashOf(l)
		return h != 0 && !own[h] && seen[uint64(h)].Pages >= Threshold
	}
	c := Cleaned{Lead: lead}
	if lead != "" && boiler(lead) {
		c.Lead = ""
		c.Dropped++
	}
	var kept []string
	lines := strings.Split(body, "\n")
	for _, l := range lines {
		if boiler(l) {
			c.Dropped++
			continue
		}
		kept = append(kept, l)
	}
	if len(kept) == 0 {
		c.Dropped -= len(lines)
		kept = lines
	}
	c.Body = strings.Join(kept, "\n")
	return c
}
