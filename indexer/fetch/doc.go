// Package fetch is the crawler's polite HTTP client.
//
// A [Client] obeys robots.txt (Allow, Disallow with * and $, Crawl-delay),
// keeps a delay between two requests to one host and a limit on concurrent
// requests per host, bounds every request by a timeout and every body by a
// size cap, retries 5xx answers and timeouts with exponential backoff, sends
// conditional requests (If-None-Match, If-Modified-Since), identifies itself
// with a clear User-Agent and follows a bounded number of redirects, only to
// http and https URLs. It never connects to a loopback, private,
// link-local or other non-public address ([Public]), checked on the address
// dialed after DNS, redirects included, except the host:port pairs a view
// from [Client.WithPrivate] opens. [Response.Text] decodes the body from the charset the
// Content-Type header, a BOM or a <meta> tag declares (Windows-1258 among
// them) into NFC UTF-8.
package fetch
