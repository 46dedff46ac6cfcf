package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/vnsearch/vnsearch/indexer/feeds"
	"github.com/vnsearch/vnsearch/indexer/fetch"
)

// discovery reads the feeds, listing pages and sitemaps of one source in
// one run and collects the article URLs they announce.
type discovery struct {
	c   *Crawler
	f   *fetch.Client // the source's view of the fetcher
	ctx context.Context
	rep *Report
	log *slog.Logger

	items  []feeds.Item
	done   []readDoc
	failed int
}

// readDoc is a feed or sitemap read in this run. Its validators (and, for
// a child sitemap, the lastmod its index gave) are saved once all its
// items are handled, so that a crash never hides unhandled items behind a
// 304.
type readDoc struct {
	url     string
	v       fetch.Validators
	lastmod time.Time
}

// run returns the items of src's documents: feeds first, then listing
// pages, then sitemaps.
func (d *discovery) run(src Source) []feeds.Item {
	for _, f := range src.Feeds {
		d.read(f)
	}
	for _, p := range src.Pages {
		d.page(p)
	}
	for _, s := range src.Sitemaps {
		d.sitemap(s)
	}
	if n := len(src.URLs()); d.failed == n {
		d.rep.Err = errors.New("every feed, sitemap and page failed")
	}
	return d.items
}

func (d *discovery) fail(raw string, err error) {
	d.failed++
	d.rep.fail(raw, err)
	d.log.Warn("document failed", "url", raw, "err", err)
}

// read fetches and parses a feed or sitemap, queues its items and notes
// it as read; nil when it failed (reported).
func (d *discovery) read(raw string) *feeds.Doc {
	doc, v, err := d.parsed(raw)
	if err != nil {
		d.fail(raw, err)
		return nil
	}
	d.done = append(d.done, readDoc{url: raw, v: v})
	d.items = append(d.items, doc.Items...)
	return doc
}

// page reads a listing page's article links.
func (d *discovery) page(raw string) {
	resp, err := d.f.Get(d.ctx, raw, fetch.Validators{})
	if err == nil {
		var text string
		if text, err = resp.Text(); err == nil {
			base, _ := url.Parse(resp.URL)
			d.items = append(d.items, feeds.Links(text, base)...)
			return
		}
	}
	d.fail(raw, err)
}

// sitemap reads a sitemap, or a sitemap index and up to MaxSitemaps of its
// children (one level deep) whose lastmod changed since they were read.
// Monthly sitemaps of past months never change, so each run reads the
// next ones: the backfill goes back step by step.
func (d *discovery) sitemap(raw string) {
	doc := d.read(raw)
	if doc == nil {
		return
	}
	read := 0
	for _, child := range doc.Sitemaps {
		if read >= d.c.cfg.MaxSitemaps || d.ctx.Err() != nil {
			return
		}
		if seen, err := d.c.db.Lastmod(child.URL); err == nil && !child.Modified.IsZero() && seen.Equal(child.Modified) {
			continue
		}
		read++
		cdoc, cv, err := d.parsed(child.URL)
		if err != nil {
			d.rep.fail(child.URL, err)
			d.log.Warn("sitemap failed", "url", child.URL, "err", err)
			continue
		}
		d.done = append(d.done, readDoc{url: child.URL, v: cv, lastmod: child.Modified})
		d.items = append(d.items, cdoc.Items...)
	}
}

// parsed fetches a feed or sitemap conditionally and parses it; an
// unchanged document (304) has no items.
func (d *discovery) parsed(raw string) (*feeds.Doc, fetch.Validators, error) {
	prev, err := d.c.db.Validators(raw)
	if err != nil {
		return nil, prev, err
	}
	resp, err := d.f.Get(d.ctx, raw, prev)
	if err != nil {
		return nil, prev, err
	}
	if resp.NotModified {
		return &feeds.Doc{}, prev, nil
	}
	base, _ := url.Parse(resp.URL)
	doc, err := feeds.Parse(resp.Body, base)
	if err != nil {
		return nil, prev, fmt.Errorf("%s: %w", raw, err)
	}
	return doc, resp.Validators, nil
}

// save records the validators and lastmods of the documents read.
func (d *discovery) save() {
	for _, doc := range d.done {
		err := d.c.db.SetValidators(doc.url, doc.v)
		if err == nil && !doc.lastmod.IsZero() {
			err = d.c.db.SetLastmod(doc.url, doc.lastmod)
		}
		if err != nil {
			d.log.Warn("save validators", "url", doc.url, "err", err)
		}
	}
}
