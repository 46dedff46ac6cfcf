//go:build !linux

package main

// swapDirs exchanges the directories a and b by three renames.
func swapDirs(a, b string) error { return swapByRenames(a, b) }
