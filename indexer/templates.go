package indexer

import (
	"context"
	"fmt"
	"strings"

	"github.com/vnsearch/vnsearch/indexer/boilerplate"
	"github.com/vnsearch/vnsearch/indexer/extract"
)

// firstLine is the first paragraph of a body. With the title and the
// description it is the page's own text, never taken for template: a
// sidebar elsewhere may tease an article by its opening paragraph.
func firstLine(body string) string {
	line, _, _ := strings.Cut(body, "\n")
	return line
}

// dropTemplates records the page's blocks in its host's template memory
// and removes from its lead and body the blocks the host repeats on many
// pages. It returns the earlier pages that need a second pass.
func (c *Crawler) dropTemplates(host, id string, p *extract.Page) []string {
	cl, err := boilerplate.Clean(c.db, boilerplate.Page{
		Host: host, ID: id, Title: p.Title, Own: []string{p.Description, firstLine(p.Body)},
		Lead: p.Lead, Body: p.Body, Blocks: p.Blocks,
	})
	if err != nil {
		c.log.Warn("template detection", "host", host, "err", err)
		return nil
	}
	if cl.Dropped > 0 {
		c.log.Debug("template text dropped", "host", host, "id", id, "lines", cl.Dropped)
	}
	p.Lead, p.Body = cl.Lead, cl.Body
	return cl.Recheck
}

// recheckTemplates gives earlier pages of host the second pass: the
// blocks that have become boilerplate since they were indexed go.
func (c *Crawler) recheckTemplates(ctx context.Context, host string, ids []string) {
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		if err := c.restrip(ctx, host, id); err != nil {
			c.log.Warn("template second pass", "id", id, "err", err)
		}
	}
}

func (c *Crawler) restrip(ctx context.Context, host, id string) error {
	rec, ok, err := c.db.Get(id)
	if err != nil || !ok {
		return err
	}
	a := rec.Article
	if a == nil {
		if a, err = c.store.Article(ctx, id); err != nil {
			return fmt.Errorf("load article %s: %w", id, err)
		}
	}
	cl, err := boilerplate.Strip(c.db, host, a.Title, []string{firstLine(a.Body)}, a.Lead, a.Body)
	if err != nil || cl.Dropped == 0 {
		return err
	}
	a.Lead, a.Body = cl.Lead, cl.Body
	if c.Enrich != nil {
		c.Enrich(a)
	}
	_, err = c.commit(ctx, *a, nil)
	return err
}
