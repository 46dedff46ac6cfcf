package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// bulkGCPercent is GOGC for import and reindex: the heap may grow to
// four times what is live before a collection, in place of twice. A bulk
// load allocates fast and keeps a large live heap (the batches in flight,
// the sketches of every article for the grouping of copies), so the
// default collected it often: on the 63k corpus a tenth of the import's
// CPU, a third of the final compaction's. With 300: 8% less CPU, the peak
// memory 2.3 → 4.2 GB (BENCHMARKS.md, "Session 9").
const bulkGCPercent = 300

// bulkGC sets the collector of a bulk load: bulkGCPercent, bounded by a
// soft limit of half the memory of the machine or of its cgroup. It
// leaves the collector alone when GOGC or GOMEMLIMIT is set, or when the
// memory cannot be read.
func bulkGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	meminfo, _ := os.ReadFile("/proc/meminfo")
	cgroup, _ := os.ReadFile("/sys/fs/cgroup/memory.max")
	total := memoryTotal(string(meminfo), string(cgroup))
	if total <= 0 {
		return
	}
	debug.SetMemoryLimit(total / 2)
	debug.SetGCPercent(bulkGCPercent)
}

// memoryTotal is the memory a process may use in bytes: MemTotal of
// /proc/meminfo, or the cgroup's memory.max when lower; 0 when neither
// says.
func memoryTotal(meminfo, cgroupMax string) int64 {
	var total int64
	for line := range strings.Lines(meminfo) {
		rest, ok := strings.CutPrefix(line, "MemTotal:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 2 && f[1] == "kB" {
			if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil && kb > 0 {
				total = kb << 10
			}
		}
	}
	if limit, err := strconv.ParseInt(strings.TrimSpace(cgroupMax), 10, 64); err == nil && limit > 0 && (total == 0 || limit < total) {
		total = limit
	}
	return total
}
