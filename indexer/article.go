package indexer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/indexer/extract"
	"github.com/vnsearch/vnsearch/indexer/feeds"
	"github.com/vnsearch/vnsearch/indexer/fetch"
	"github.com/vnsearch/vnsearch/indexer/state"
	"github.com/vnsearch/vnsearch/search"
)

// item handles one announced URL and reports whether it fetched it. A
// URL already indexed is fetched again when its documents announce an
// update later than the one they announced when it was last fetched (or,
// when they announced none, later than that fetch).
func (c *Crawler) item(ctx context.Context, src Source, it feeds.Item, key string, rep *Report, log *slog.Logger) bool {
	known, ok, err := c.db.Lookup(key)
	if err != nil {
		rep.fail(it.URL, err)
		return false
	}
	update := updateTime(it)
	if ok && known.Status == state.Pending {
		rep.Skipped++
		return false
	}
	if ok {
		if since, err := c.updatedSince(key, update, known.Crawled); err != nil || !since {
			rep.Skipped++
			return false
		}
	}
	if f, failed, err := c.db.Failure(key); err == nil && failed && (f.Permanent || f.Count >= c.cfg.MaxFailures) {
		rep.Skipped++
		return false
	}
	outcome, err := c.fetchArticle(ctx, src, it, key)
	switch {
	case err != nil:
		rep.fail(it.URL, err)
		log.Warn("article failed", "url", it.URL, "err", err)
		if ctx.Err() == nil {
			if ferr := c.db.Fail(key, err.Error(), permanent(err), c.Now()); ferr != nil {
				log.Warn("record failure", "url", it.URL, "err", ferr)
			}
		}
		return true
	case outcome == outcomeNew:
		rep.New++
	case outcome == outcomeUpdated:
		rep.Updated++
	default:
		rep.Skipped++
	}
	rep.Fetched++
	if !update.IsZero() {
		if err := c.db.SetUpdated(key, update); err != nil {
			log.Warn("record update time", "url", it.URL, "err", err)
		}
	}
	log.Info("article", "url", it.URL, "outcome", outcome)
	return true
}

// updateTime is the time a document announces an item last changed: its
// modification (Atom <updated>, sitemap <lastmod>), else its publication
// (an RSS pubDate, which some sites move when they edit).
func updateTime(it feeds.Item) time.Time {
	if !it.Modified.IsZero() {
		return it.Modified
	}
	return it.Published
}

// updatedSince reports whether update is later than the update time
// recorded when key was last fetched, or than that fetch when none was.
func (c *Crawler) updatedSince(key string, update, crawled time.Time) (bool, error) {
	if update.IsZero() {
		return false, nil
	}
	seen, err := c.db.Updated(key)
	if err != nil {
		return false, err
	}
	if seen.IsZero() {
		seen = crawled
	}
	return update.After(seen), nil
}

// permanent is true for failures that retrying cannot cure.
func permanent(err error) bool {
	var se *fetch.StatusError
	return errors.As(err, &se) && se.Permanent() || errors.Is(err, fetch.ErrDisallowed) ||
		errors.Is(err, fetch.ErrTooLarge) || errors.Is(err, fetch.ErrRedirect) || errors.Is(err, fetch.ErrPrivate)
}

type outcome string

const (
	outcomeNew       outcome = "new"
	outcomeUpdated   outcome = "updated"
	outcomeUnchanged outcome = "unchanged"
)

// fetchArticle fetches, extracts and indexes one article page.
func (c *Crawler) fetchArticle(ctx context.Context, src Source, it feeds.Item, key string) (outcome, error) {
	resp, err := c.fetcherFor(src).Get(ctx, it.URL, fetch.Validators{})
	if err != nil {
		return "", err
	}
	text, err := resp.Text()
	if err != nil {
		return "", err
	}
	final, _ := url.Parse(resp.URL)
	page, err := extract.Extract(text, final, src.Selectors)
	if err != nil {
		return "", fmt.Errorf("extract %s: %w", resp.URL, err)
	}
	canonical := resp.URL
	if trustCanonical(page.Canonical, final) {
		canonical = page.Canonical
	}
	ckey, err := dedup.Key(canonical)
	if err != nil {
		return "", err
	}
	keys := []string{key, ckey}
	if fkey, err := dedup.Key(resp.URL); err == nil {
		keys = append(keys, fkey)
	}
	id := dedup.ID(ckey)
	recheck := c.dropTemplates(final.Hostname(), id, page)
	out, err := c.commit(ctx, c.article(src, it, page, canonical, id), compact(keys))
	if err == nil {
		c.recheckTemplates(ctx, final.Hostname(), recheck)
	}
	return out, err
}

// trustCanonical is true for a rel=canonical on the page's own site that
// names a page, not the home page (some CMSes point every page there).
func trustCanonical(canonical string, page *url.URL) bool {
	u, err := url.Parse(canonical)
	if err != nil || canonical == "" {
		return false
	}
	same := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") == strings.TrimPrefix(strings.ToLower(page.Hostname()), "www.")
	return same && strings.Trim(u.Path, "/") != ""
}

// article builds the index document of an extracted page.
func (c *Crawler) article(src Source, it feeds.Item, p *extract.Page, canonical, id string) search.Article {
	published := p.Published
	if published.IsZero() || dayOnly(published, it.Published) {
		published = it.Published
	}
	if !published.IsZero() {
		published = published.In(extract.Saigon)
	}
	a := search.Article{
		ID: id, URL: canonical, Source: src.Name, Title: p.Title, Lead: p.Lead, Body: p.Body,
		Author: p.Author, Published: published, Crawled: c.Now().UTC(), Category: p.Category,
	}
	if c.Enrich != nil {
		c.Enrich(&a)
	}
	return a
}

// dayOnly is true when the page gave only the day of publication
// (midnight in Vietnam) and the feed or sitemap the time on that day.
func dayOnly(page, announced time.Time) bool {
	if announced.IsZero() {
		return false
	}
	p, a := page.In(extract.Saigon), announced.In(extract.Saigon)
	return p.Hour() == 0 && p.Minute() == 0 && p.Second() == 0 && p.YearDay() == a.YearDay() && p.Year() == a.Year()
}

// commit records the article as pending with its syndication group, writes
// it (and the group members whose group changed) to the index, then marks
// them indexed.
func (c *Crawler) commit(ctx context.Context, a search.Article, keys []string) (outcome, error) {
	c.commitMu.Lock()
	defer c.commitMu.Unlock()
	old, existed, err := c.db.Get(a.ID)
	if err != nil {
		return "", err
	}
	rec := state.Record{
		ID: a.ID, URL: a.URL, Source: a.Source, Status: state.Pending, Keys: compact(append(keys, old.Keys...)),
		Published: a.Published, Crawled: a.Crawled, Hash: contentHash(a), Group: old.Group,
	}
	if existed && old.Hash == rec.Hash {
		old.Keys, old.Crawled = rec.Keys, rec.Crawled
		return outcomeUnchanged, c.db.Put(old)
	}
	rec.Sketch, _ = dedup.Fingerprint(a.Body)
	regrouped, err := c.group(ctx, &rec)
	if err != nil {
		return "", err
	}
	a.Group = rec.Group
	rec.Article = &a
	recs := append([]state.Record{rec}, regrouped...)
	if err := c.db.Put(recs...); err != nil {
		return "", err
	}
	if err := c.indexRecords(ctx, recs); err != nil {
		return "", err
	}
	if existed {
		return outcomeUpdated, nil
	}
	return outcomeNew, nil
}

// group finds the copies of rec's story already crawled, sets rec.Group
// to the id of the earliest publication among them and returns the
// copies whose group changed, pending with their re-grouped article.
func (c *Crawler) group(ctx context.Context, rec *state.Record) ([]state.Record, error) {
	if len(rec.Sketch) == 0 {
		return nil, nil
	}
	similar, err := c.db.Similar(rec.Sketch, rec.ID)
	if err != nil || len(similar) == 0 {
		return nil, err
	}
	members := map[string]state.Record{}
	for _, s := range similar {
		members[s.ID] = s
		if s.Group == "" {
			continue
		}
		ms, err := c.db.Members(s.Group)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			members[m.ID] = m
		}
	}
	delete(members, rec.ID)
	all := []state.Record{*rec}
	for _, m := range members {
		all = append(all, m)
	}
	rec.Group = earliest(all).ID
	var changed []state.Record
	for _, m := range members {
		if m.Group == rec.Group {
			continue
		}
		if err := c.regroup(ctx, &m, rec.Group); err != nil {
			c.log.Warn("regroup copy", "id", m.ID, "err", err)
			continue
		}
		changed = append(changed, m)
	}
	return changed, nil
}

// regroup loads a copy's article (from its pending record or the index)
// and moves it to group.
func (c *Crawler) regroup(ctx context.Context, m *state.Record, group string) error {
	a := m.Article
	if a == nil {
		var err error
		if a, err = c.store.Article(ctx, m.ID); err != nil {
			return fmt.Errorf("load article %s: %w", m.ID, err)
		}
	}
	a.Group = group
	m.Group, m.Status, m.Article = group, state.Pending, a
	return nil
}

// earliest returns the copy printed first (dedup.First).
func earliest(recs []state.Record) state.Record {
	return slices.MinFunc(recs, func(a, b state.Record) int {
		return dedup.First(dedup.Copy{ID: a.ID, Published: a.Published, Crawled: a.Crawled},
			dedup.Copy{ID: b.ID, Published: b.Published, Crawled: b.Crawled})
	})
}

// contentHash identifies an article's text, to tell an edit from a
// refetch of the same page.
func contentHash(a search.Article) string {
	sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Lead + "\x00" + a.Body + "\x00" + a.Published.String()))
	return hex.EncodeToString(sum[:8])
}

// compact removes empty and repeated strings, keeping order.
func compact(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
