// Package indexer is the crawl pipeline that keeps the index fresh from
// Vietnamese news sites: sources → fetch → extract → metadata → de-duplicate
// → index.
//
// # Sources
//
// [LoadSources] reads a YAML file of [Source]s: a name, a cron schedule,
// RSS/Atom feeds, sitemaps (news sitemaps and monthly sitemap indexes for
// backfill), listing pages, a per-host delay, optional CSS selectors and
// allow_private, which lets the source reach the non-public hosts (host
// and port) it names and no others; every other source reaches public
// addresses only (package fetch checks each connection after DNS).
//
// # Crawler
//
// A [Crawler] owns the polite HTTP client (package fetch), the crawl state
// (package state, a bbolt file beside the index, crawl.db) and writes
// through the small [Store] interface that *search.Index satisfies:
//
//	c := indexer.NewCrawler(indexer.DefaultConfig(), "data/crawl.db", ix)
//	c.Enrich = metadata.Enrich
//	c.Logger = logger
//	if err := c.Open(ctx); err != nil { … }
//	defer c.Close()
//	report := c.Crawl(ctx, source)
//
// An article's id is dedup.ID of its canonical URL (the page's
// rel=canonical, else the final URL). Copies of one story on several sites
// are recognized by a MinHash sketch of the body and share Article.Group,
// the id of the earliest publication; when a copy dated earlier arrives,
// the others are indexed again with the new group.
//
// Crash safety: an article is recorded as pending, with its full text, in
// crawl.db before the index write, and as indexed after it returns. Open
// (and every Crawl) indexes what a killed process left pending; indexing
// by id replaces, so nothing is indexed twice, and nothing fetched is
// lost. Feed and sitemap validators (ETag, Last-Modified) are saved only
// after all their items were handled.
//
// An article already indexed is fetched again, and replaced, when a feed
// or sitemap announces an update (Atom <updated>, RSS pubDate, sitemap
// <lastmod>) later than the one announced when it was last fetched.
//
// One failing feed, sitemap or page is logged and reported with its reason
// in the [Report]; it never stops the others.
//
// # Scheduler
//
// A [Scheduler] runs each source on its schedule inside `vnsearch serve`:
//
//	s := indexer.NewScheduler(c, sources, logger)
//	s.Open(ctx)                       // one cron job per source, SkipIfStillRunning
//	s.Trigger(ctx, "Báo Nhân Dân")    // run one source now ("" = all), in the background
//	s.Sources()                       // last run and next run of each source
//	s.Close()                         // stop cron, cancel, wait for a safe point
//
// Trigger returns ErrUnknownSource for a name not in the sources file and
// ErrBusy when the source (every source, for "") is already crawling: a
// source is never crawled twice at once, whether by cron or by Trigger.
package indexer
