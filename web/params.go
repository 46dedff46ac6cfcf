package web

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// Limits on filter parameters, beside the query limits of package search.
const (
	maxFilterValues = 20  // values of one repeated filter parameter
	maxValueBytes   = 256 // bytes of one filter value
	maxSuggestSize  = 20
	defaultSuggest  = 8
)

// Vietnamese messages shared by several errors.
const (
	viUTF8 = "Đường dẫn có ký tự không hợp lệ (không phải UTF-8)."
	viYear = "Năm phải có dạng 2023 hoặc 2020..2023, năm đầu không sau năm cuối."
)

// vietnam is the zone of dates given without one (no daylight saving).
var vietnam = filter.Vietnam

// searchParams are the query parameters of /api/search and the page
// (docs/api.md): the query, every filter of package filter, and the sort,
// paging and grouping options, and the interval of the timeline.
var searchParams = append(append([]string{"q"}, filter.Names(false)...), "sort", "page", "size", "group", "interval")

// badRequest is an error caused by the request itself: a 400 with its
// message shown to the client, and to the page's reader in Vietnamese.
type badRequest struct{ msg, vi string }

func (e *badRequest) Error() string { return e.msg }

func badf(format string, args ...any) *badRequest {
	return &badRequest{msg: fmt.Sprintf(format, args...)}
}

// inVietnamese sets the message the search page shows.
func (e *badRequest) inVietnamese(format string, args ...any) *badRequest {
	e.vi = fmt.Sprintf(format, args...)
	return e
}

func isBadRequest(err error) bool {
	var b *badRequest
	return errors.As(err, &b)
}

// checkValues rejects invalid UTF-8 anywhere in the parameters and, when
// known is not nil, any parameter not in known.
func checkValues(v url.Values, known []string) error {
	for k, vals := range v {
		if !utf8.ValidString(k) {
			return badf("parameter names must be valid UTF-8").inVietnamese(viUTF8)
		}
		for _, s := range vals {
			if !utf8.ValidString(s) {
				return badf("parameter %q is not valid UTF-8", k).inVietnamese(viUTF8)
			}
		}
		if known != nil && !slices.Contains(known, k) {
			return badf("unknown parameter %q; known parameters: %s", k, strings.Join(known, ", "))
		}
	}
	return nil
}

// parseSearch turns query parameters into a clamped search request. With
// strict set, unknown parameters are an error (the API); without, they are
// ignored (the page, whose shared links pick up tracking parameters).
func parseSearch(v url.Values, strict bool) (search.Request, error) {
	known := searchParams
	if !strict {
		known = nil
	}
	if err := checkValues(v, known); err != nil {
		return search.Request{}, err
	}
	req := search.Request{Query: strings.TrimSpace(v.Get("q"))}
	if n := len(req.Query); n > search.MaxQueryBytes {
		return req, badf("query is too long: %d bytes, at most %d", n, search.MaxQueryBytes).
			inVietnamese("Câu tìm kiếm quá dài: %d byte, tối đa %d.", n, search.MaxQueryBytes)
	}
	var err error
	if req.Filters, err = parseFilters(v); err != nil {
		return req, err
	}
	if req.Sort, err = parseSort(v.Get("sort")); err != nil {
		return req, err
	}
	if req.Page, err = clampInt(v, "page", 1, search.MaxPage); err != nil {
		return req, err
	}
	if req.Size, err = clampInt(v, "size", search.DefaultSize, search.MaxSize); err != nil {
		return req, err
	}
	if req.Interval, err = parseInterval(v.Get("interval")); err != nil {
		return req, err
	}
	req.GroupSyndicated, err = parseBool(v, "group")
	return req, err
}

// parseFilters reads every filter of package filter's table from its
// parameter, with the parsers the query language uses.
func parseFilters(v url.Values) (search.Filters, error) {
	var f search.Filters
	for _, d := range filter.Table {
		var err error
		switch d.Kind {
		case filter.Keywords:
			var vals []string
			if vals, err = filterValues(v, d.Name); len(vals) > 0 {
				if f.Keywords == nil {
					f.Keywords = map[string][]string{}
				}
				f.Keywords[d.Name] = vals
			}
		case filter.Years:
			if s := strings.TrimSpace(v.Get(d.Name)); s != "" {
				if f.YearFrom, f.YearTo, err = filter.ParseYears(s); err != nil {
					err = badf("%v", err).inVietnamese(viYear)
				}
			}
		case filter.Bool:
			if s := strings.TrimSpace(v.Get(d.Name)); s != "" {
				var b bool
				if b, err = filter.ParseBool(s); err != nil {
					err = badf("%v", err).inVietnamese("Giá trị bật/tắt không hợp lệ.")
				}
				f.Example = &b
			}
		case filter.Day:
			var t time.Time
			if t, err = parseDay(d.Name, v.Get(d.Name)); d.Name == filter.From {
				f.From = t
			} else {
				f.To = t
			}
		}
		if err != nil {
			return f, err
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, badf("date range ends (%s) before it starts (%s)", v.Get(filter.To), v.Get(filter.From)).
			inVietnamese("Ngày kết thúc (%s) trước ngày bắt đầu (%s).", v.Get(filter.To), v.Get(filter.From))
	}
	return f, nil
}

// filterValues returns the non-empty values of a repeated filter
// parameter, which the search ORs together.
func filterValues(v url.Values, name string) ([]string, error) {
	var out []string
	for _, s := range v[name] {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			continue
		case len(s) > maxValueBytes:
			return nil, badf("%s value is too long: at most %d bytes", name, maxValueBytes).
				inVietnamese("Giá trị lọc quá dài (tối đa %d byte).", maxValueBytes)
		case slices.Contains(out, s):
			continue
		}
		out = append(out, s)
	}
	if len(out) > maxFilterValues {
		return nil, badf("too many %s values: at most %d", name, maxFilterValues).
			inVietnamese("Quá nhiều giá trị lọc (tối đa %d).", maxFilterValues)
	}
	return out, nil
}

// parseDay reads the from or to parameter; to covers its whole day.
func parseDay(name, s string) (time.Time, error) {
	if s = strings.TrimSpace(s); s == "" {
		return time.Time{}, nil
	}
	t, err := filter.ParseDay(s, name == filter.To)
	if err != nil {
		return t, badf("%s must be a date YYYY-MM-DD, got %q", name, s).
			inVietnamese("Ngày phải có dạng năm-tháng-ngày, ví dụ 2023-05-19.")
	}
	return t, nil
}

func parseSort(s string) (string, error) {
	switch s {
	case "", search.SortRelevance:
		return search.SortRelevance, nil
	case search.SortNewest, search.SortOldest:
		return s, nil
	}
	return "", badf("sort must be relevance, newest or oldest, got %q", s).
		inVietnamese("Cách sắp xếp phải là: liên quan, mới nhất hoặc cũ nhất.")
}

// clampInt reads a positive integer parameter: missing or below 1 gives
// def, above max (or too large to parse) gives max.
func clampInt(v url.Values, name string, def, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	var numErr *strconv.NumError
	switch {
	case errors.As(err, &numErr) && errors.Is(numErr.Err, strconv.ErrRange):
		if strings.HasPrefix(s, "-") {
			return def, nil
		}
		return max, nil
	case err != nil:
		return 0, badf("%s must be an integer, got %q", name, s).
			inVietnamese("Số trang và số kết quả mỗi trang phải là số nguyên.")
	case n < 1:
		return def, nil
	case n > max:
		return max, nil
	}
	return n, nil
}

func parseBool(v url.Values, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v.Get(name))) {
	case "", "false", "0", "no", "off":
		return false, nil
	case "true", "1", "yes", "on":
		return true, nil
	}
	return false, badf("%s must be true or false, got %q", name, v.Get(name)).
		inVietnamese("Giá trị bật/tắt không hợp lệ.")
}
