package dedup

import (
	"strings"
	"time"
)

// Copy is what decides which of a story's copies was printed first.
type Copy struct {
	ID        string
	Published time.Time // zero: undated
	Crawled   time.Time // zero: unknown
}

// First orders the copies of one story, the first printed first: dated
// before undated, then by publication time, then by crawl time (the copy
// fetched first; unknown last), then by id. The crawler and the import
// both give a group the id of its First copy.
func First(a, b Copy) int {
	if c := laterWhenZero(a.Published, b.Published); c != 0 {
		return c
	}
	if c := laterWhenZero(a.Crawled, b.Crawled); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// laterWhenZero compares two times, a zero time after any other.
func laterWhenZero(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}
