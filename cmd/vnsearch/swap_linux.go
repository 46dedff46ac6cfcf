package main

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// swapDirs exchanges the directories a and b in one atomic step
// (renameat2 RENAME_EXCHANGE): a crash leaves both as they were or both
// swapped. Filesystems without the exchange get swapByRenames.
func swapDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return swapByRenames(a, b)
	}
	if err != nil {
		return fmt.Errorf("exchange %s and %s: %w", a, b, err)
	}
	return syncParent(b)
}
