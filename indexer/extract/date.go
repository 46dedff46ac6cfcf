package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Saigon is Asia/Ho_Chi_Minh, falling back to its fixed UTC+7 offset when
// the system has no zone database (Vietnam has kept UTC+7 since 1975).
var Saigon = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}()

var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
}

var localLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-01-02",
}

// ParseTime reads a machine-readable timestamp (ISO 8601, RFC 1123); one
// without a zone is in Asia/Ho_Chi_Minh. Visible Vietnamese dates are tried
// last.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, Saigon); err == nil {
			return t, true
		}
	}
	return VisibleDate(s)
}

var (
	rxNumericDate = regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`)
	rxISODate     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	rxWordDate    = regexp.MustCompile(`(?i)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b`)
	rxClock       = regexp.MustCompile(`\b(\d{1,2})\s*[:hH]\s*(\d{2})(?::(\d{2}))?\b`)
	rxWeekday     = regexp.MustCompile(`(?i)thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật`)
	rxGMT         = regexp.MustCompile(`(?i)\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?`)
)

// VisibleDate finds the first date printed the Vietnamese way in s
// ("24/11/2025", "24-11-2025", "ngày 24 tháng 11 năm 2025"), else an ISO
// one ("2025-11-24"), with the clock time written just before or after it
// ("09:15", "9h15") and an explicit "(GMT+7)" zone when present; otherwise
// the zone is Asia/Ho_Chi_Minh.
func VisibleDate(s string) (time.Time, bool) {
	loc := Saigon
	if m := rxGMT.FindStringSubmatch(s); m != nil {
		loc = gmtZone(m)
	}
	for _, rx := range []*regexp.Regexp{rxNumericDate, rxWordDate, rxISODate} {
		for _, m := range rx.FindAllStringSubmatchIndex(s, -1) {
			day, month, year := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
			if rx == rxISODate {
				day, year = year, day
			}
			if !validDate(year, month, day) {
				continue
			}
			h, mi, sec := clockNear(s, m[0], m[1])
			return time.Date(year, time.Month(month), day, h, mi, sec, 0, loc), true
		}
	}
	return time.Time{}, false
}

// clockNear returns the clock time written within a few characters after
// end (preferred) or before start.
func clockNear(s string, start, end int) (h, m, sec int) {
	after := s[end:min(len(s), end+12)]
	if c := rxClock.FindStringSubmatch(after); c != nil && strings.Index(after, c[0]) <= 4 {
		if h, m, sec, ok := clock(c); ok {
			return h, m, sec
		}
	}
	before := s[max(0, start-40):start]
	if cs := rxClock.FindAllStringSubmatchIndex(before, -1); cs != nil {
		c := cs[len(cs)-1]
		gap := rxWeekday.ReplaceAllString(before[c[1]:], "")
		if len(strings.TrimSpace(strings.Trim(gap, " ,-–|"))) <= 5 { // "ngày", "lúc"
			if h, m, sec, ok := clock(submatches(before, c)); ok {
				return h, m, sec
			}
		}
	}
	return 0, 0, 0
}

func submatches(s string, idx []int) []string {
	out := make([]string, len(idx)/2)
	for i := range out {
		if idx[2*i] >= 0 {
			out[i] = s[idx[2*i]:idx[2*i+1]]
		}
	}
	return out
}

func clock(c []string) (h, m, sec int, ok bool) {
	h, m = atoi(c[1]), atoi(c[2])
	if c[3] != "" {
		sec = atoi(c[3])
	}
	return h, m, sec, h < 24 && m < 60 && sec < 60
}

func gmtZone(m []string) *time.Location {
	offset := atoi(m[2])*3600 + atoi(m[3])*60
	if m[1] == "-" {
		offset = -offset
	}
	if offset == 7*3600 {
		return Saigon
	}
	return time.FixedZone("GMT"+m[1]+m[2], offset)
}

func validDate(year, month, day int) bool {
	if year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Day() == day
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
