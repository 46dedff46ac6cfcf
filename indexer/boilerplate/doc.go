// Package boilerplate recognizes a site's template text — teasers of other
// articles in a sidebar, a "most read" list, the footer line — as what it
// is everywhere on the web: a block of text repeated on many pages of one
// host.
//
// Every page crawled from a host adds its blocks of text (its lines, as
// the page renders them, inside the article or not) to a per-host memory
// kept in the crawl state. A block seen on Threshold distinct pages of the
// host is boilerplate, and is dropped from the lead and body of every
// article of the host, except on the page whose own text it is (its
// title, description or opening paragraph, as the caller says): article
// B's teaser stays in B when A's sidebar repeats it. A
// quote two articles share is kept; only text on Threshold pages or more
// goes.
//
// The first pages of a host are crawled with an empty memory. When a block
// reaches Threshold, the earlier pages that held it (the memory keeps
// their ids) are returned for a second pass, so they lose it too.
package boilerplate
