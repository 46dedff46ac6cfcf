package main

import "testing"

func TestMemoryTotal(t *testing.T) {
	const meminfo = "MemTotal:       24576000 kB\nMemFree:         1000000 kB\n"
	for _, c := range []struct {
		name, meminfo, cgroup string
		want                  int64
	}{
		{"machine", meminfo, "", 24576000 << 10},
		{"no cgroup limit", meminfo, "max\n", 24576000 << 10},
		{"cgroup lower", meminfo, "4294967296\n", 4 << 30},
		{"cgroup higher", meminfo, "99999999999999\n", 24576000 << 10},
		{"cgroup only", "", "1073741824\n", 1 << 30},
		{"unreadable", "", "", 0},
		{"malformed", "MemTotal: lots\n", "-5", 0},
	} {
		if got := memoryTotal(c.meminfo, c.cgroup); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
