// Package web serves vnsearch over HTTP with gin: the JSON API described in
// docs/api.md, an OpenAPI description of it, and the Vietnamese
// search page rendered on the server from embedded templates (it works
// without JavaScript; a small script only adds suggest-as-you-type and
// submits the form when an option is ticked).
//
// Beside the search, the staff workflows: the "Chỉ điển hình" box
// (example=true), the models view at /models (every named model in scope
// with its newest articles and its breakdown by unit and by directive), a
// feed of a search's newest matches at /search.rss, and /api/export, which
// streams every match as CSV up to search.MaxExport rows.
//
// The package knows nothing about bleve. It declares the small Searcher
// interface it needs, which *search.Index satisfies, and adds logging and
// Prometheus metrics by wrapping it. Handlers parse the request, clamp it
// to the limits of package search, call the searcher under a timeout and
// render the answer: a search.ErrBadQuery becomes 400, search.ErrNotFound
// 404, a timeout 504, and anything else a logged 500.
package web
