package state

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/indexer/fetch"
	"github.com/vnsearch/vnsearch/search"
)

var (
	bucketArticles   = []byte("articles")   // id → Record
	bucketURLs       = []byte("urls")       // url key → id
	bucketSketches   = []byte("sketches")   // sketch lookup value (8 bytes) + id → ∅
	bucketGroups     = []byte("groups")     // group id + 0 + member id → ∅
	bucketValidators = []byte("validators") // url → fetch.Validators
	bucketFailures   = []byte("failures")   // url key → Failure
	bucketPending    = []byte("pending")    // id → ∅ for Pending records
	bucketLastmods   = []byte("lastmods")   // child sitemap url → lastmod its index gave
	bucketUpdates    = []byte("updates")    // url key → update time announced when last fetched
)

// Status is where an article stands between fetch and index.
type Status string

// Statuses of a Record.
const (
	// Pending: the article is ready and stored in the record; the index
	// write has not returned yet.
	Pending Status = "pending"
	// Indexed: the index holds the article.
	Indexed Status = "indexed"
)

// Record is the crawl state of one article.
type Record struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Status Status `json:"status"`
	// Keys are the canonical URL keys (dedup.Key) that lead to the article:
	// the feed's link, the final URL after redirects, the rel=canonical.
	Keys      []string     `json:"keys"`
	Published time.Time    `json:"published,omitzero"`
	Crawled   time.Time    `json:"crawled"`
	Hash      string       `json:"hash"`
	Sketch    dedup.Sketch `json:"sketch,omitempty"`
	Group     string       `json:"group,omitempty"`
	// Article is kept while the record is Pending.
	Article *search.Article `json:"article,omitempty"`
}

// Failure is the last failure of a URL.
type Failure struct {
	Reason    string    `json:"reason"`
	Count     int       `json:"count"`
	Permanent bool      `json:"permanent"`
	At        time.Time `json:"at"`
}

// DB is the crawl state file. It is safe for concurrent use; one process
// at a time may open a file.
type DB struct {
	bolt *bolt.DB
}

// Open opens or creates the state file at path.
func Open(path string) (*DB, error) {
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open crawl state %s: %w", path, err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketArticles, bucketURLs, bucketSketches, bucketGroups, bucketValidators, bucketFailures, bucketPending, bucketLastmods, bucketUpdates} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("init crawl state %s: %w", path, err)
	}
	return &DB{bolt: b}, nil
}

// Close closes the file.
func (db *DB) Close() error { return db.bolt.Close() }

// Get returns the record of id.
func (db *DB) Get(id string) (Record, bool, error) {
	var rec Record
	var ok bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		rec, ok, err = get(tx, id)
		return err
	})
	return rec, ok, err
}

// Lookup returns the record an URL key leads to.
func (db *DB) Lookup(key string) (Record, bool, error) {
	var rec Record
	var ok bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketURLs).Get([]byte(key))
		if id == nil {
			return nil
		}
		var err error
		rec, ok, err = get(tx, string(id))
		return err
	})
	return rec, ok, err
}

func get(tx *bolt.Tx, id string) (Record, bool, error) {
	var rec Record
	v := tx.Bucket(bucketArticles).Get([]byte(id))
	if v == nil {
		return rec, false, nil
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, false, fmt.Errorf("decode record %s: %w", id, err)
	}
	return rec, true, nil
}

// Put writes records in one transaction, with their URL keys, sketch
// entries and group membership; a failure recorded for one of their keys
// is cleared.
func (db *DB) Put(recs ...Record) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, rec := range recs {
			if err := put(tx, rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	return nil
}

func put(tx *bolt.Tx, rec Record) error {
	if rec.ID == "" {
		return errors.New("record without id")
	}
	old, existed, err := get(tx, rec.ID)
	if err != nil {
		return err
	}
	if existed && old.Group != "" && old.Group != rec.Group {
		if err := tx.Bucket(bucketGroups).Delete(groupKey(old.Group, rec.ID)); err != nil {
			return err
		}
	}
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketArticles).Put([]byte(rec.ID), v); err != nil {
		return err
	}
	if rec.Status == Pending {
		err = tx.Bucket(bucketPending).Put([]byte(rec.ID), nil)
	} else {
		err = tx.Bucket(bucketPending).Delete([]byte(rec.ID))
	}
	if err != nil {
		return err
	}
	for _, k := range rec.Keys {
		if err := tx.Bucket(bucketURLs).Put([]byte(k), []byte(rec.ID)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketFailures).Delete([]byte(k)); err != nil {
			return err
		}
	}
	for _, s := range rec.Sketch.Lookup() {
		if err := tx.Bucket(bucketSketches).Put(sketchKey(s, rec.ID), nil); err != nil {
			return err
		}
	}
	if rec.Group != "" {
		return tx.Bucket(bucketGroups).Put(groupKey(rec.Group, rec.ID), nil)
	}
	return nil
}

func sketchKey(v uint64, id string) []byte {
	k := binary.BigEndian.AppendUint64(nil, v)
	return append(k, id...)
}

func groupKey(group, id string) []byte {
	return append(append([]byte(group), 0), id...)
}

// Pending returns the records whose index write has not been confirmed.
func (db *DB) Pending() ([]Record, error) {
	var out []Record
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			rec, ok, err := get(tx, string(k))
			if ok {
				out = append(out, rec)
			}
			return err
		})
	})
	return out, err
}

// Similar returns the records whose sketch says they are copies of the
// story sketched by sk (dedup.Same), the record of exclude left out. A
// record is compared when it is filed under dedup.MinSharedLookups of
// sk's lookup values, as an import compares.
func (db *DB) Similar(sk dedup.Sketch, exclude string) ([]Record, error) {
	var out []Record
	err := db.bolt.View(func(tx *bolt.Tx) error {
		found := map[string]int{}
		var compare []string
		c := tx.Bucket(bucketSketches).Cursor()
		for _, s := range sk.Lookup() {
			prefix := binary.BigEndian.AppendUint64(nil, s)
			n := 0
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && n < dedup.MaxPerValue; k, _ = c.Next() {
				n++
				id := string(k[8:])
				if id == exclude {
					continue
				}
				found[id]++
				if found[id] == dedup.MinSharedLookups {
					compare = append(compare, id)
				}
			}
		}
		for _, id := range compare {
			rec, ok, err := get(tx, id)
			if err != nil {
				return err
			}
			if ok && dedup.Same(sk, rec.Sketch) {
				out = append(out, rec)
			}
		}
		return nil
	})
	return out, err
}

// Members returns the records of a syndication group.
func (db *DB) Members(group string) ([]Record, error) {
	var out []Record
	err := db.bolt.View(func(tx *bolt.Tx) error {
		prefix := groupKey(group, "")
		c := tx.Bucket(bucketGroups).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			rec, ok, err := get(tx, string(k[len(prefix):]))
			if err != nil {
				return err
			}
			if ok {
				out = append(out, rec)
			}
		}
		return nil
	})
	return out, err
}

// Validators returns the cache validators saved for a feed or sitemap URL.
func (db *DB) Validators(url string) (fetch.Validators, error) {
	var v fetch.Validators
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if raw := tx.Bucket(bucketValidators).Get([]byte(url)); raw != nil {
			return json.Unmarshal(raw, &v)
		}
		return nil
	})
	return v, err
}

// SetValidators saves the cache validators of a feed or sitemap URL.
func (db *DB) SetValidators(url string, v fetch.Validators) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketValidators).Put([]byte(url), raw)
	})
}

// Lastmod returns the lastmod a sitemap index gave for a child sitemap
// when it was last read in full; zero when never.
func (db *DB) Lastmod(url string) (time.Time, error) {
	var t time.Time
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if raw := tx.Bucket(bucketLastmods).Get([]byte(url)); raw != nil {
			return t.UnmarshalText(raw)
		}
		return nil
	})
	return t, err
}

// SetLastmod records the lastmod of a child sitemap read in full.
func (db *DB) SetLastmod(url string, t time.Time) error {
	return db.putTime(bucketLastmods, url, t)
}

// Updated returns the update time a feed or sitemap announced for an URL
// key when the URL was last fetched (an Atom <updated>, an RSS pubDate, a
// sitemap <lastmod>); zero when none was.
func (db *DB) Updated(key string) (time.Time, error) {
	var t time.Time
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if raw := tx.Bucket(bucketUpdates).Get([]byte(key)); raw != nil {
			return t.UnmarshalText(raw)
		}
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("read update time of %s: %w", key, err)
	}
	return t, nil
}

// SetUpdated records the update time announced for an URL key fetched.
func (db *DB) SetUpdated(key string, t time.Time) error {
	return db.putTime(bucketUpdates, key, t)
}

func (db *DB) putTime(bucket []byte, key string, t time.Time) error {
	raw, err := t.MarshalText()
	if err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).Put([]byte(key), raw)
	})
}

// Failure returns the last failure recorded for an URL key.
func (db *DB) Failure(key string) (Failure, bool, error) {
	var f Failure
	var ok bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketFailures).Get([]byte(key))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &f)
	})
	return f, ok, err
}

// Fail records a failure of an URL key, counting repeats.
func (db *DB) Fail(key, reason string, permanent bool, at time.Time) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFailures)
		var f Failure
		if raw := b.Get([]byte(key)); raw != nil {
			if err := json.Unmarshal(raw, &f); err != nil {
				return err
			}
		}
		f = Failure{Reason: reason, Count: f.Count + 1, Permanent: permanent, At: at}
		raw, err := json.Marshal(f)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), raw)
	})
}
