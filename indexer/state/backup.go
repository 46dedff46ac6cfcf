package state

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// CopyTo writes a consistent copy of the state file, as one read
// transaction sees it, to path while crawls go on.
func (db *DB) CopyTo(path string) error {
	return copyTx(db.bolt, path)
}

// CopyFile copies the state file at src, which no crawler holds open, to
// dst.
func CopyFile(src, dst string) error {
	b, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		return fmt.Errorf("open crawl state %s: %w", src, err)
	}
	defer b.Close()
	return copyTx(b, dst)
}

func copyTx(b *bolt.DB, path string) error {
	err := b.View(func(tx *bolt.Tx) error { return tx.CopyFile(path, 0o600) })
	if err != nil {
		return fmt.Errorf("copy crawl state to %s: %w", path, err)
	}
	return nil
}
