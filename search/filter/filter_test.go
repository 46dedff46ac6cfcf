package filter

import (
	"errors"
	"testing"
	"time"
)

func TestTableNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Table {
		if d.Name == "" || seen[d.Name] {
			t.Errorf("filter name %q empty or repeated", d.Name)
		}
		seen[d.Name] = true
		if d.Field == "" || d.Title == "" {
			t.Errorf("filter %q lacks a field or a title", d.Name)
		}
		if (d.FacetField == "") != (d.FacetSize == 0) {
			t.Errorf("filter %q: facet field %q with size %d", d.Name, d.FacetField, d.FacetSize)
		}
		if got, ok := Lookup(d.Name); !ok || got.Name != d.Name {
			t.Errorf("Lookup(%q) = %v, %v", d.Name, got, ok)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup found an unknown filter")
	}
}

func TestParseYears(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
		ok       bool
	}{
		{"2023", 2023, 2023, true},
		{" 2020..2023 ", 2020, 2023, true},
		{"2020..", 2020, 0, true},
		{"..2019", 0, 2019, true},
		{"1900", 1900, 1900, true},
		{"2100", 2100, 2100, true},
		{"1850", 0, 0, false},
		{"2101", 0, 0, false},
		{"..", 0, 0, false},
		{"2023..2020", 0, 0, false},
		{"20x3", 0, 0, false},
		{"023", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		from, to, err := ParseYears(tt.in)
		if (err == nil) != tt.ok || from != tt.from || to != tt.to {
			t.Errorf("ParseYears(%q) = %d, %d, %v", tt.in, from, to, err)
		}
		if err != nil && !errors.Is(err, ErrValue) {
			t.Errorf("ParseYears(%q): %v does not wrap ErrValue", tt.in, err)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{
		"yes": true, "TRUE": true, "1": true, "có": true, "co": true, "on": true,
		"no": false, "false": false, "0": false, "không": false, "khong": false, "off": false,
	} {
		if got, err := ParseBool(in); err != nil || got != want {
			t.Errorf("ParseBool(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseBool("maybe"); !errors.Is(err, ErrValue) {
		t.Errorf("ParseBool(maybe) = %v", err)
	}
}

func TestParseDay(t *testing.T) {
	start, err := ParseDay("2021-03-07", false)
	if err != nil || !start.Equal(time.Date(2021, 3, 7, 0, 0, 0, 0, Vietnam)) {
		t.Errorf("start = %v, %v", start, err)
	}
	end, err := ParseDay("2021-03-07", true)
	if err != nil || !end.Equal(time.Date(2021, 3, 8, 0, 0, 0, 0, Vietnam).Add(-time.Nanosecond)) {
		t.Errorf("end = %v, %v", end, err)
	}
	if _, err := ParseDay("07/03/2021", false); !errors.Is(err, ErrValue) {
		t.Errorf("ParseDay(07/03/2021) = %v", err)
	}
}
