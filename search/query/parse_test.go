package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/search/filter"
)

func w(s string) Term { return Term{Text: s} }
func p(s string) Term { return Term{Text: s, Phrase: true} }

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"   ", Query{}},
		{"Đảng ủy", Query{Clauses: []Clause{{Alts: []Term{w("Đảng")}}, {Alts: []Term{w("ủy")}}}}},
		{`"Dễ trăm lần không dân cũng chịu"`, Query{Clauses: []Clause{{Alts: []Term{p("Dễ trăm lần không dân cũng chịu")}}}}},
		{`“khó vạn lần dân liệu cũng xong”`, Query{Clauses: []Clause{{Alts: []Term{p("khó vạn lần dân liệu cũng xong")}}}}},
		{`"unbalanced phrase`, Query{Clauses: []Clause{{Alts: []Term{p("unbalanced phrase")}}}}},
		{`""`, Query{}},
		{"tham nhũng -lãng", Query{Clauses: []Clause{{Alts: []Term{w("tham")}}, {Alts: []Term{w("nhũng")}}, {Not: true, Alts: []Term{w("lãng")}}}}},
		{`-"nông thôn"`, Query{Clauses: []Clause{{Not: true, Alts: []Term{p("nông thôn")}}}}},
		{"hòa OR hoà giải", Query{Clauses: []Clause{{Alts: []Term{w("hòa"), w("hoà")}}, {Alts: []Term{w("giải")}}}}},
		{`a OR "b c" OR d`, Query{Clauses: []Clause{{Alts: []Term{w("a"), p("b c"), w("d")}}}}},
		{"OR a OR", Query{Clauses: []Clause{{Alts: []Term{w("a")}}}}},
		{"a or b", Query{Clauses: []Clause{{Alts: []Term{w("a")}}, {Alts: []Term{w("or")}}, {Alts: []Term{w("b")}}}}},
		{"- a", Query{Clauses: []Clause{{Alts: []Term{w("a")}}}}},
		{"05-CT/TW", Query{Clauses: []Clause{{Alts: []Term{w("05-CT/TW")}}}}},
		{"lúc 10:30", Query{Clauses: []Clause{{Alts: []Term{w("lúc")}}, {Alts: []Term{w("10:30")}}}}},
		{`unit:"Thị ủy Quế Võ" mô hình`, Query{
			Clauses: []Clause{{Alts: []Term{w("mô")}}, {Alts: []Term{w("hình")}}},
			Filters: []Filter{{Field: filter.Unit, Value: "Thị ủy Quế Võ"}},
		}},
		{"directive:05-CT/TW year:2020..2023", Query{Filters: []Filter{
			{Field: filter.Directive, Value: "05-CT/TW"},
			{Field: filter.Year, Value: "2020..2023", YearFrom: 2020, YearTo: 2023},
		}}},
		{"year:2023", Query{Filters: []Filter{{Field: filter.Year, Value: "2023", YearFrom: 2023, YearTo: 2023}}}},
		{"year:2020..", Query{Filters: []Filter{{Field: filter.Year, Value: "2020..", YearFrom: 2020}}}},
		{"Year:..2019", Query{Filters: []Filter{{Field: filter.Year, Value: "..2019", YearTo: 2019}}}},
		{"-source:Báo example:yes", Query{Filters: []Filter{
			{Field: filter.Source, Value: "Báo", Not: true},
			{Field: filter.Example, Value: "true"},
		}}},
		{"a\xffb", Query{Clauses: []Clause{{Alts: []Term{w("a\uFFFDb")}}}}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, *got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"foo:bar", "year:20x3", "year:2023..2020", "year:1200", "year:..", "example:maybe", "unit:\"\"", "from:2020-01-01", "year:1850",
	} {
		_, err := Parse(in)
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) = %v, want ErrSyntax", in, err)
		}
	}
}

// TestParseBounds: a query over the limits is refused, never cut (cutting
// would widen the results); at the limits it is kept whole.
func TestParseBounds(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("từ ", MaxClauses+1),
		strings.Repeat("từ ", 10000),
		strings.Repeat("unit:x ", MaxFilters+1),
		strings.Repeat("a OR ", 1000),
	} {
		if _, err := Parse(in); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%.20q…) = %v, want ErrSyntax", in, err)
		}
	}
	q, err := Parse(strings.Repeat("từ ", MaxClauses) + strings.Repeat("unit:x ", MaxFilters))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Clauses) != MaxClauses || len(q.Filters) != MaxFilters {
		t.Errorf("at the limits: %d clauses, %d filters", len(q.Clauses), len(q.Filters))
	}
	q, err = Parse(`"` + strings.Repeat("dài ", 1000) + `"`)
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(q.Clauses[0].Alts[0].Text); n > MaxTermRune {
		t.Errorf("phrase of %d runes kept", n)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`"Dễ trăm lần" -x OR y`, "unit:\"a b\" year:2020..2021", "“a", "-", "OR OR", "a:b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error without ErrSyntax: %v", err)
			}
			return
		}
		if len(q.Clauses) > MaxClauses || len(q.Filters) > MaxFilters {
			t.Fatalf("unbounded output: %d clauses %d filters", len(q.Clauses), len(q.Filters))
		}
		for _, c := range q.Clauses {
			if len(c.Alts) == 0 {
				t.Fatal("clause without terms")
			}
			for _, a := range c.Alts {
				if a.Text == "" || !utf8.ValidString(a.Text) || utf8.RuneCountInString(a.Text) > MaxTermRune {
					t.Fatalf("bad term %q", a.Text)
				}
			}
		}
	})
}
