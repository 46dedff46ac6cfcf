// Package state keeps the crawl state in a bbolt file beside the index: one
// record per article (its status, content hash, MinHash sketch and
// syndication group), the URLs that lead to it, the cache validators of
// feeds and sitemaps, and the pages that failed.
//
// Every write is one fsynced bbolt transaction, so the state survives a
// kill -9 at any moment. A record is [Pending] from the moment its article
// is ready to be indexed (the article is stored with it) until the index
// write has returned, then [Indexed]; [DB.Pending] lists what a restart
// must index again.
package state
