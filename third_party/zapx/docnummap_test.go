package zap

import (
	"math/rand/v2"
	"testing"
)

// docNumTable is the table upstream's merge builds for one segment: the
// new number of each document, docDropped for a dropped one, the kept
// ones numbered in a row from base.
func docNumTable(base uint64, dropped []bool) []uint64 {
	table := make([]uint64, len(dropped))
	next := base
	for d, drop := range dropped {
		if drop {
			table[d] = docDropped
			continue
		}
		table[d] = next
		next++
	}
	return table
}

// TestDocNumMap (vnsearch): the map gives every document the number of
// the table it is built from, whether no document, some or every one is
// dropped, across 64-document words.
func TestDocNumMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int, p float64) []bool {
		d := make([]bool, n)
		for i := range d {
			d[i] = rng.Float64() < p
		}
		return d
	}
	every := func(n int, f func(int) bool) []bool {
		d := make([]bool, n)
		for i := range d {
			d[i] = f(i)
		}
		return d
	}
	for _, tc := range []struct {
		name    string
		base    uint64
		dropped []bool
		offset  bool // the map is an offset, no bitmap
	}{
		{"none dropped", 1000, make([]bool, 300), true},
		{"one document", 7, make([]bool, 1), true},
		{"first dropped", 0, every(130, func(i int) bool { return i == 0 }), false},
		{"last dropped", 5, every(130, func(i int) bool { return i == 129 }), false},
		{"middle dropped", 5, every(130, func(i int) bool { return i == 64 }), false},
		{"all dropped", 9, every(70, func(int) bool { return true }), false},
		{"whole words dropped", 3, every(320, func(i int) bool { return i/64%2 == 1 }), false},
		{"word edges", 11, every(256, func(i int) bool { return i%64 == 63 || i%64 == 0 }), false},
		{"a few", 50_000, random(5000, 0.01), false},
		{"half", 1, random(5000, 0.5), false},
		{"most", 0, random(5000, 0.99), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table := docNumTable(tc.base, tc.dropped)
			m := newDocNumMap(table)
			if (m.kept == nil) != tc.offset {
				t.Errorf("offset map %v, want %v", m.kept == nil, tc.offset)
			}
			for d, want := range table {
				if got := m.at(uint64(d)); got != want {
					t.Fatalf("document %d: %d, want %d", d, got, want)
				}
			}
		})
	}
}
