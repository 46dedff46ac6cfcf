package ingest

import (
	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/search"
)

// copies groups the syndicated copies among the articles of one import,
// as the crawler does across crawls: articles whose bodies have similar
// sketches share Article.Group, the id of the earliest publication.
type copies struct {
	members map[string]*member
	// filed holds every member in the order added, sketches their
	// sketches; byValue refers to them by their number there.
	filed    []filedSketch
	sketches sketchArena
	// found is per filed member the last add that found it under one of
	// its lookup values (the high bits) and under how many (the low
	// byte): it is compared once found under dedup.MinSharedLookups.
	// Nearly every member found is found once and never compared, so
	// these 8 bytes are what most lookups read.
	found   []uint64
	byValue map[uint64][]int32   // sketch lookup value → the first dedup.MaxPerValue members filed under it
	groups  map[string][]*member // group id → its members
	// moved are members already written whose group changed since.
	moved map[string]*member
	// calls numbers the calls of add: a member whose compared (or
	// grouped) equals it was compared with (or joins the group of) the
	// article being added, with no set allocated per article.
	calls  uint64
	joined []*member // the members grouped with the article being added
}

// filedSketch is what comparing with a member reads, kept out of the
// member itself (one cache miss less per comparison).
type filedSketch struct {
	size int // the values of its sketch
	m    *member
}

// sketchArena holds the filed sketches, each in dedup.SketchSize values
// at a place computed from its number: comparing reads a sketch without
// first reading where it is, so its cache misses overlap those of its
// filedSketch. Chunks of arenaChunk sketches grow it without copying.
type sketchArena [][]uint64

const arenaChunk = 4096

// add files sk as the sketch numbered num, the next one.
func (a *sketchArena) add(num int32, sk dedup.Sketch) {
	if int(num)%arenaChunk == 0 {
		*a = append(*a, make([]uint64, arenaChunk*dedup.SketchSize))
	}
	copy(a.at(num, dedup.SketchSize), sk)
}

// at returns the first size values of sketch num.
func (a sketchArena) at(num int32, size int) dedup.Sketch {
	off := int(num) % arenaChunk * dedup.SketchSize
	return a[num/arenaChunk][off : off+size : off+size]
}

type member struct {
	dedup.Copy
	group   string
	written bool
	grouped uint64 // the last add that grouped it
}

func newCopies() *copies {
	return &copies{
		members: map[string]*member{}, byValue: map[uint64][]int32{},
		groups: map[string][]*member{}, moved: map[string]*member{},
	}
}

// add files a, whose body has the sketch sk, and sets a.Group when it
// copies an article seen before.
func (c *copies) add(a *search.Article, sk dedup.Sketch) {
	m := &member{Copy: dedup.Copy{ID: a.ID, Published: a.Published, Crawled: a.Crawled}}
	c.calls++
	num := int32(len(c.filed))
	sk = sk[:min(len(sk), dedup.SketchSize)]
	c.filed = append(c.filed, filedSketch{size: len(sk), m: m})
	c.found = append(c.found, c.calls<<8|0x80) // not compared with itself
	c.sketches.add(num, sk)
	group := c.joined[:0]
	join := func(o *member) {
		if o.grouped != c.calls {
			o.grouped = c.calls
			group = append(group, o)
		}
	}
	for _, v := range sk.Lookup() {
		nums := c.byValue[v]
		for _, n := range nums {
			found := c.found[n]
			if found>>8 != c.calls {
				found = c.calls << 8
			}
			found++
			c.found[n] = found
			if found&0xff != dedup.MinSharedLookups {
				continue
			}
			f := &c.filed[n]
			if !dedup.Same(sk, c.sketches.at(n, f.size)) {
				continue
			}
			o := f.m
			if o.grouped == c.calls || o.ID == a.ID {
				continue
			}
			join(o)
			for _, p := range c.groups[o.group] {
				join(p)
			}
		}
		if len(nums) < dedup.MaxPerValue {
			c.byValue[v] = append(nums, num)
		}
	}
	c.members[a.ID] = m
	c.joined = group[:0]
	if len(group) == 0 {
		return
	}
	first := m
	for _, o := range group {
		if dedup.First(o.Copy, first.Copy) < 0 {
			first = o
		}
	}
	m.group, a.Group = first.ID, first.ID
	c.groups[first.ID] = append(c.groups[first.ID], m)
	for _, o := range group {
		if o.group == first.ID {
			continue
		}
		delete(c.groups, o.group)
		o.group = first.ID
		c.groups[first.ID] = append(c.groups[first.ID], o)
		if o.written {
			c.moved[o.ID] = o
		}
	}
}

// apply sets the group of articles about to be written: it may have
// changed since they were read.
func (c *copies) apply(articles []search.Article) {
	for i := range articles {
		if m := c.members[articles[i].ID]; m != nil {
			articles[i].Group = m.group
		}
	}
}

// written marks articles as indexed with the group they have now.
func (c *copies) written(articles []search.Article) {
	for i := range articles {
		if m := c.members[articles[i].ID]; m != nil {
			m.written = true
			delete(c.moved, m.ID)
		}
	}
}

// grouped counts the articles that share a group with another.
func (c *copies) grouped() int {
	n := 0
	for _, ms := range c.groups {
		n += len(ms)
	}
	return n
}
