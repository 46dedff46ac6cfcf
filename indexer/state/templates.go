package state

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/vnsearch/vnsearch/indexer/boilerplate"
)

// bucketTemplates holds one bucket per host: block hash (8 bytes) →
// template entry, plus keyCount (blocks held) and keyClock (pages seen).
var bucketTemplates = []byte("templates")

var (
	keyCount = []byte("#n")
	keyClock = []byte("#t")
)

// MaxTemplateBlocks bounds the blocks remembered per host. Past it, the
// quarter of blocks seen least recently are forgotten: a template block
// is seen on every page and stays, a paragraph of one article goes.
const MaxTemplateBlocks = 20000

// templateEntry is the stored form of a boilerplate.Seen: pages (uint32),
// last seen (uint64, the host's page clock), then the first page ids,
// each a length byte and the id.
type templateEntry struct {
	boilerplate.Seen
	last uint64
}

func (e templateEntry) encode() []byte {
	var b bytes.Buffer
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(e.Pages)))
	b.Write(binary.BigEndian.AppendUint64(nil, e.last))
	for _, id := range e.First {
		b.WriteByte(byte(len(id)))
		b.WriteString(id)
	}
	return b.Bytes()
}

func decodeTemplate(v []byte) (templateEntry, error) {
	if len(v) < 12 {
		return templateEntry{}, fmt.Errorf("template entry of %d bytes", len(v))
	}
	e := templateEntry{Seen: boilerplate.Seen{Pages: int(binary.BigEndian.Uint32(v))}, last: binary.BigEndian.Uint64(v[4:])}
	for rest := v[12:]; len(rest) > 0; {
		n := int(rest[0])
		if len(rest) < 1+n {
			return templateEntry{}, fmt.Errorf("template entry: truncated page id")
		}
		e.First = append(e.First, string(rest[1:1+n]))
		rest = rest[1+n:]
	}
	return e, nil
}

// hostKey names a host's bucket: lower case, without "www.".
func hostKey(host string) []byte {
	return []byte(strings.TrimPrefix(strings.ToLower(host), "www."))
}

func blockKey(h uint64) []byte { return binary.BigEndian.AppendUint64(nil, h) }

// ObserveBlocks records that page (an article id) of host holds blocks and
// returns what is known of each block afterwards. A page counts once per
// block however often it is fetched, as long as its id is among the first
// keep ids remembered.
func (db *DB) ObserveBlocks(host, page string, blocks []uint64, keep int) (map[uint64]boilerplate.Seen, error) {
	out := make(map[uint64]boilerplate.Seen, len(blocks))
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		root, err := tx.CreateBucketIfNotExists(bucketTemplates)
		if err != nil {
			return err
		}
		b, err := root.CreateBucketIfNotExists(hostKey(host))
		if err != nil {
			return err
		}
		clock := counter(b, keyClock) + 1
		count := int(counter(b, keyCount))
		for _, h := range blocks {
			k := blockKey(h)
			var e templateEntry
			if v := b.Get(k); v != nil {
				if e, err = decodeTemplate(v); err != nil {
					return err
				}
			} else {
				count++
			}
			if !slices.Contains(e.First, page) {
				e.Pages++
				if len(e.First) < keep && len(page) < 256 {
					e.First = append(e.First, page)
				}
			}
			e.last = clock
			if err := b.Put(k, e.encode()); err != nil {
				return err
			}
			out[h] = e.Seen
		}
		if count > MaxTemplateBlocks {
			if count, err = forgetOldest(b, count/4); err != nil {
				return err
			}
		}
		return putCounters(b, clock, count)
	})
	if err != nil {
		return nil, fmt.Errorf("record template blocks of %s: %w", host, err)
	}
	return out, nil
}

// Blocks returns what is known of blocks of host.
func (db *DB) Blocks(host string, blocks []uint64) (map[uint64]boilerplate.Seen, error) {
	out := make(map[uint64]boilerplate.Seen, len(blocks))
	err := db.bolt.View(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketTemplates)
		if root == nil {
			return nil
		}
		b := root.Bucket(hostKey(host))
		if b == nil {
			return nil
		}
		for _, h := range blocks {
			if v := b.Get(blockKey(h)); v != nil {
				e, err := decodeTemplate(v)
				if err != nil {
					return err
				}
				out[h] = e.Seen
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read template blocks of %s: %w", host, err)
	}
	return out, nil
}

// forgetOldest deletes the n blocks seen least recently and returns the
// number left.
func forgetOldest(b *bolt.Bucket, n int) (int, error) {
	type aged struct {
		key  []byte
		last uint64
	}
	var all []aged
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return nil
		}
		e, err := decodeTemplate(v)
		if err != nil {
			return err
		}
		all = append(all, aged{append([]byte(nil), k...), e.last})
		return nil
	})
	if err != nil {
		return 0, err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].last < all[j].last })
	n = min(n, len(all))
	for _, a := range all[:n] {
		if err := b.Delete(a.key); err != nil {
			return 0, err
		}
	}
	return len(all) - n, nil
}

func counter(b *bolt.Bucket, key []byte) uint64 {
	if v := b.Get(key); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func putCounters(b *bolt.Bucket, clock uint64, count int) error {
	if err := b.Put(keyClock, binary.BigEndian.AppendUint64(nil, clock)); err != nil {
		return err
	}
	return b.Put(keyCount, binary.BigEndian.AppendUint64(nil, uint64(count)))
}
