package main

import "github.com/vnsearch/vnsearch/search"

// enrich fills an article's metadata before it is indexed.
func enrich(a *search.Article) {
	if !a.Published.IsZero() {
		a.Year = a.Published.Year()
	}
}
