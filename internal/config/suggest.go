package config

import "strings"

// suggest returns ` (did you mean "x"?)` when one of known is near s: a
// different case or separator (fail_on, failOn for fail-on), or one or
// two edits away. "" otherwise.
func suggest(s string, known []string) string {
	if best := Nearest(s, known); best != "" {
		return ` (did you mean "` + best + `"?)`
	}
	return ""
}

// Nearest returns the member of known nearest to s, when it is near
// enough to be a likely typo; "" otherwise.
func Nearest(s string, known []string) string {
	norm := func(x string) string {
		return strings.NewReplacer("-", "", "_", "", ".", "").Replace(strings.ToLower(x))
	}
	best, bestD := "", 3
	for _, k := range known {
		if k == s {
			return ""
		}
		d := distance(norm(s), norm(k))
		if d < bestD || d == bestD && best != "" && k < best {
			best, bestD = k, d
		}
	}
	if bestD > 2 || bestD > len(s)/2 {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
