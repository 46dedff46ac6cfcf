package indexer

// CopyState writes a consistent copy of the crawl state to path while
// crawls go on. Taken before a copy of the index, it marks indexed only
// articles the index copy holds; the others are crawled again.
func (c *Crawler) CopyState(path string) error { return c.db.CopyTo(path) }

// CopyState writes a consistent copy of the crawl state to path
// (Crawler.CopyState).
func (s *Scheduler) CopyState(path string) error { return s.crawler.CopyState(path) }
