package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// swapByRenames exchanges the directories a and b by three renames; a
// crash between the first two leaves b missing (its content is in b.old).
func swapByRenames(a, b string) error {
	old := b + ".old"
	if err := os.Rename(b, old); err != nil {
		return fmt.Errorf("swap %s and %s: %w", a, b, err)
	}
	if err := os.Rename(a, b); err != nil {
		return fmt.Errorf("swap %s and %s: %w (the old one is in %s)", a, b, err, old)
	}
	if err := os.Rename(old, a); err != nil {
		return fmt.Errorf("swap %s and %s: %w", a, b, err)
	}
	return syncParent(b)
}

// syncParent makes a rename of path durable.
func syncParent(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("sync %s: %w", filepath.Dir(path), err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", filepath.Dir(path), err)
	}
	return nil
}
