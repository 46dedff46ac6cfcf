package fetch

import (
	"bufio"
	"strconv"
	"strings"
	"time"
)

// robots is the part of one robots.txt that applies to our user agent.
type robots struct {
	rules   []rule
	delay   time.Duration
	reason  string // why everything is disallowed, when robots.txt failed
	expires time.Time
}

type rule struct {
	allow   bool
	pattern string
}

// parseRobots keeps the group whose user-agent line is agent (compared
// case-insensitively) or, when none is, the "*" group.
func parseRobots(body, agent string) *robots {
	agent = strings.ToLower(agent)
	var mine, star robots
	var haveMine bool
	var cur []*robots // the groups the current lines apply to
	inAgents := false
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		switch key {
		case "user-agent":
			if !inAgents {
				cur = cur[:0]
			}
			inAgents = true
			name := strings.ToLower(val)
			if name == "*" {
				cur = append(cur, &star)
			} else if name == agent {
				haveMine = true
				cur = append(cur, &mine)
			}
		case "allow", "disallow":
			inAgents = false
			if val == "" && key == "disallow" {
				continue // "Disallow:" with no path allows everything
			}
			for _, g := range cur {
				g.rules = append(g.rules, rule{allow: key == "allow", pattern: val})
			}
		case "crawl-delay":
			inAgents = false
			if secs, err := strconv.ParseFloat(val, 64); err == nil && secs > 0 {
				for _, g := range cur {
					g.delay = time.Duration(secs * float64(time.Second))
				}
			}
		default:
			inAgents = false
		}
	}
	if haveMine {
		return &mine
	}
	return &star
}

func robotsLine(line string) (key, val string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	key, val, ok = strings.Cut(line, ":")
	return strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val), ok
}

// allowed applies the longest matching rule to path (path plus query);
// on a tie Allow wins.
func (r *robots) allowed(path string) bool {
	best, allow := -1, true
	for _, ru := range r.rules {
		if !matchRobots(ru.pattern, path) {
			continue
		}
		if n := len(ru.pattern); n > best || n == best && ru.allow {
			best, allow = n, ru.allow
		}
	}
	return allow
}

// matchRobots matches a robots.txt path pattern: a prefix with "*" for any
// run of characters and a final "$" anchoring the end.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for _, p := range parts[1:] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	if anchored && rest != "" {
		last := parts[len(parts)-1]
		return len(parts) > 1 && strings.HasSuffix(path, last)
	}
	return true
}
