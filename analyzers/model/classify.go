package model

import (
	"slices"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// Scorer settings; doc.go explains them.
const (
	threshold    = 6   // an article scoring this or more presents a model
	minEvidence  = 2   // distinct positive cues and named models it needs
	maxBodyCount = 2   // a cue counts at most this many times in the body
	maxModels    = 3   // named models that add to the score
	maxNames     = 16  // names an article returns at most: the first it names
	leadBytes    = 600 // the body opening that stands in for a missing lead

	// An article whose title and lead hold no positive cue is an example
	// only when its body holds minBodyCues distinct positive cues at a
	// density of minBodyDensity points per 1000 bytes: a speech or a
	// ceremony report passes by "tấm gương" and "tuyên dương" in a long
	// text; a portrait is full of them.
	minBodyCues    = 4
	minBodyDensity = 2
)

// sectionWeight multiplies what a cue or a model name is worth by where it
// stands.
var sectionWeight = [...]int{title: 3, lead: 2, body: 1}

type section int

const (
	title section = iota
	lead
	body
)

// Classify reports whether an article presents a unit, person, movement or
// way of working as a model to follow, and the models and movements it
// names, canonical, distinct and sorted.
func Classify(titleText, leadText, bodyText string) (example bool, models []string) {
	return ClassifyText(words.New(Joined(titleText, leadText, bodyText)), titleText, leadText, bodyText)
}

// Joined is the text ClassifyText takes the words of: title, lead and body
// joined by blank lines.
func Joined(titleText, leadText, bodyText string) string {
	return titleText + sectionSep + leadText + sectionSep + bodyText
}

const sectionSep = "\n\n"

// ClassifyText is Classify with the words of the article already split:
// all is words.New(Joined(titleText, leadText, bodyText)), which the other
// recognizers read too.
func ClassifyText(all *words.Text, titleText, leadText, bodyText string) (example bool, models []string) {
	leadStart := len(titleText) + len(sectionSep)
	bodyStart := leadStart + len(leadText) + len(sectionSep)
	if strings.TrimSpace(leadText) == "" {
		leadText, bodyText = splitLead(bodyText)
		leadStart = bodyStart
		bodyStart += len(leadText)
	}
	starts := [...]int{0, leadStart, bodyStart}
	var scores [3]int
	var ifExample []string // names taken only if the article is an example
	framed := false
	positive := map[string]bool{}
	named := map[string]section{}
	for s, raw := range [...]string{titleText, leadText, bodyText} {
		var t *words.Text
		if all.Cut {
			t = words.New(raw)
		} else {
			t = all.Sub(starts[s], starts[s]+len(raw))
		}
		before := len(positive)
		scores[s] = cueScore(t, section(s), positive)
		ns, later := names(t)
		for _, m := range ns {
			if _, seen := named[m]; !seen && len(named) < maxNames {
				named[m] = section(s)
			}
			framed = framed || section(s) != body
		}
		ifExample = append(ifExample, later[:min(len(later), maxNames-len(ifExample))]...)
		if section(s) == body {
			framed = framed || scores[title]+scores[lead] >= 0 && len(positive)-before >= minBodyCues &&
				scores[body]*1000 >= minBodyDensity*max(len(bodyText), 1)
		} else {
			framed = framed || len(positive) > before
		}
	}
	score := scores[title] + scores[lead] + scores[body]
	example = framed && score+modelScore(named) >= threshold &&
		len(positive)+len(named) >= minEvidence
	for m := range named {
		models = append(models, m)
	}
	if example {
		for _, m := range ifExample {
			if len(models) < maxNames && !slices.Contains(models, m) {
				models = append(models, m)
			}
		}
	}
	slices.Sort(models)
	return example, slices.Compact(models)
}

// cueScore sums the cue phrases of one section and adds the positive ones
// it holds to positive.
func cueScore(t *words.Text, s section, positive map[string]bool) int {
	score := 0
	count := map[string]int{}
	for _, h := range cues.Scan(t) {
		c := h.Value
		if c.weight > 0 && h.At > 0 && t.W[h.At-1].Fold == "phai" && t.InClause(h.At-1) {
			continue // "phải đi đầu", "phải tôn vinh": an exhortation, not a model
		}
		if c.weight > 0 {
			positive[c.phrase] = true
		}
		count[c.phrase]++
		if count[c.phrase] > 1 && (s != body || count[c.phrase] > maxBodyCount) {
			continue
		}
		score += c.weight * sectionWeight[s]
	}
	return score
}

// modelScore is what naming movements adds: each of the first maxModels
// named counts by where it is first named.
func modelScore(named map[string]section) int {
	ws := make([]int, 0, len(named))
	for _, s := range named {
		ws = append(ws, sectionWeight[s])
	}
	slices.Sort(ws)
	slices.Reverse(ws)
	score := 0
	for _, w := range ws[:min(len(ws), maxModels)] {
		score += w
	}
	return score
}

// names returns the catalog names and quoted names a section holds, and
// apart the quoted names to take only if the article is an example.
func names(t *words.Text) (found, ifExample []string) {
	covered := make([]bool, len(t.W))
	for _, h := range catalog.phrases.Scan(t) {
		found = append(found, h.Value)
		for k := h.At; k < h.At+h.N; k++ {
			covered[k] = true
		}
	}
	for _, q := range quotedNames(t, covered) {
		if q.exampleOnly {
			ifExample = append(ifExample, q.name)
		} else {
			found = append(found, q.name)
		}
	}
	return found, ifExample
}

// splitLead takes the opening paragraph of a body as its lead when the
// article has none, cut at leadBytes on a sentence end where one is near.
func splitLead(bodyText string) (leadText, rest string) {
	end := strings.IndexByte(bodyText, '\n')
	if end < 0 || end > leadBytes {
		end = min(len(bodyText), leadBytes)
		if dot := strings.LastIndex(bodyText[:end], ". "); dot > 0 {
			end = dot + 1
		} else {
			for end < len(bodyText) && bodyText[end]&0xC0 == 0x80 {
				end++
			}
		}
	}
	return bodyText[:end], bodyText[end:]
}
