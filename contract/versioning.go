package contract

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apilint/apilint/internal/report"
)

// APIs version in more ways than semver in info.version. Stripe dates its
// versions (info.version 2023-08-16, clients pin one); Cloudflare, Box
// and DigitalOcean keep the version in the URL (/client/v4, /2.0, /v2)
// and leave info.version alone; Twilio puts a date in the path
// (/2010-04-01/). The version rule detects the scheme and judges a
// breaking change by it: under a URL version, any breaking change inside
// a version that clients already call breaks them, whatever info.version
// says; under a version in info.version, the version must go up by a
// major step, compared as numbers.

// versionSegment is a path or URL segment that names a version: v1,
// v2beta, v1alpha1, 2.0, 2010-04-01.
var versionSegment = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(v[0-9]+((alpha|beta|rc|preview|dev)[0-9]*)?|[0-9]+(\.[0-9]+)+|[0-9]{4}-[0-9]{2}-[0-9]{2})$`)
})

// pathVersion returns the first version segment of a path or URL path,
// or "".
func pathVersion(p string) string {
	for _, seg := range strings.Split(p, "/") {
		if versionSegment().MatchString(seg) {
			return seg
		}
	}
	return ""
}

// serverURL is a server's URL with its variables at their defaults.
func serverURL(s *openapi3.Server) string {
	u := s.URL
	for name, v := range s.Variables {
		if v != nil {
			u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
		}
	}
	return u
}

// serverVersion returns the version segment the spec's servers carry, and
// the URL it was read from: "" unless every server that has one agrees.
func serverVersion(t *openapi3.T) (string, string) {
	var seg, from string
	for _, s := range t.Servers {
		if s == nil {
			continue
		}
		raw := serverURL(s)
		p := raw
		if u, err := url.Parse(raw); err == nil {
			p = u.Path
		}
		v := pathVersion(p)
		switch {
		case v == "":
		case seg == "":
			seg, from = v, raw
		case !strings.EqualFold(v, seg):
			return "", ""
		}
	}
	return seg, from
}

// apiVersion is a parsed version: its scheme and the numbers that order it.
type apiVersion struct {
	scheme string // "semver", "vN", "N.N", "date", or "" when unknown
	nums   []int
}

var (
	semverPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^v?([0-9]+)\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
	})
	vNPattern      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^v([0-9]+)([a-z]+[0-9]*)?$`) })
	numbersPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v?([0-9]+)(\.[0-9]+)*$`) })
	datePattern    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`) })
)

// parseVersion reads info.version or a URL version segment.
func parseVersion(s string) apiVersion {
	s = strings.TrimSpace(s)
	switch {
	case semverPattern().MatchString(s):
		m := semverPattern().FindStringSubmatch(s)
		return apiVersion{"semver", atois(m[1:4])}
	case vNPattern().MatchString(s):
		m := vNPattern().FindStringSubmatch(s)
		return apiVersion{"vN", atois(m[1:2])}
	case datePattern().MatchString(s):
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return apiVersion{"date", []int{t.Year(), int(t.Month()), t.Day()}}
		}
	case numbersPattern().MatchString(s):
		return apiVersion{"N.N", atois(strings.Split(strings.TrimPrefix(s, "v"), "."))}
	}
	return apiVersion{}
}

func atois(ss []string) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i], _ = strconv.Atoi(s)
	}
	return out
}

// compare orders two versions of one scheme by their numbers.
func (v apiVersion) compare(w apiVersion) int {
	for i := 0; i < len(v.nums) || i < len(w.nums); i++ {
		a, b := 0, 0
		if i < len(v.nums) {
			a = v.nums[i]
		}
		if i < len(w.nums) {
			b = w.nums[i]
		}
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	return 0
}

// majorBump reports whether w is a new major version after v: semver's
// major (or minor below 1.0.0), the number of vN, the first number of
// N.N; any later date.
func (v apiVersion) majorBump(w apiVersion) bool {
	switch {
	case v.scheme != w.scheme || len(v.nums) == 0 || len(w.nums) == 0:
		return false
	case v.scheme == "date":
		return w.compare(v) > 0
	case v.scheme == "semver" && v.nums[0] == 0 && w.nums[0] == 0:
		return w.nums[1] > v.nums[1]
	}
	return w.nums[0] > v.nums[0]
}

// schemeName is how a message names a scheme.
func schemeName(s string) string {
	switch s {
	case "semver":
		return "semantic versioning"
	case "vN":
		return "vN versions"
	case "N.N":
		return "numbered versions"
	case "date":
		return "dated versions"
	}
	return "no versioning scheme apilint knows"
}

// checkVersionBump reports error-level breaking changes shipped inside a
// version that clients already use.
func checkVersionBump(in *ruleInput) []change {
	if in.breakingCount == 0 || in.base == nil {
		return nil
	}
	b, r := in.base.T, in.rev.T
	from, to := infoVersion(b), infoVersion(r)
	fv, tv := parseVersion(from), parseVersion(to)
	what := fmt.Sprintf("%d error-level breaking %s", in.breakingCount, plural(in.breakingCount, "change", "changes"))
	c := change{rule: RuleVersionNotBumped, pos: in.rev.position("info", "version"), key: "info.version", operations: in.breaking}

	// A dated version that moved on is a new version: clients pin the
	// date they wrote against (Stripe-Version: 2022-11-15).
	if fv.scheme == "date" && tv.scheme == "date" && fv.majorBump(tv) {
		return nil
	}
	if out := checkURLVersion(in, c, what); out != nil || urlVersioned(b) {
		return out
	}
	fix := "raise the major version, or better, serve the changed operations under a new /vN/ path beside the old ones"
	switch {
	case fv.scheme != "" && fv.scheme == tv.scheme:
		if fv.majorBump(tv) {
			return nil
		}
		c.message = fmt.Sprintf("%s but info.version went from %s to %s, not to a new major version (%s, compared as numbers); %s",
			what, from, to, schemeName(fv.scheme), fix)
	case from == to:
		c.message = fmt.Sprintf("%s but info.version stayed %q (%s); %s", what, from, schemeName(fv.scheme), fix)
	default:
		c.level = report.Note
		c.message = fmt.Sprintf("%s; info.version went from %q to %q, which follow %s, so apilint cannot tell whether that is a new major version",
			what, from, to, schemeName(""))
	}
	return []change{c}
}

// urlVersioned reports whether a spec keeps its version in its URLs: its
// servers, or the paths of most of its operations.
func urlVersioned(t *openapi3.T) bool {
	if seg, _ := serverVersion(t); seg != "" {
		return true
	}
	ops := operations(t)
	n := 0
	for _, o := range ops {
		if pathVersion(o.path) != "" {
			n++
		}
	}
	return len(ops) > 0 && n*10 >= len(ops)*8
}

// checkURLVersion judges breaking changes by the version in the URL of
// each changed operation: its path's version segment, or the servers'.
// A change inside a version the base already served breaks that
// version's clients; one under a server version that went up does not.
func checkURLVersion(in *ruleInput, c change, what string) []change {
	b, r := in.base.T, in.rev.T
	baseServer, _ := serverVersion(b)
	revServer, revURL := serverVersion(r)
	if baseServer != "" && revServer != "" && parseVersion(baseServer).compare(parseVersion(revServer)) < 0 {
		return nil // the whole API moved to a new version
	}
	basePaths := map[string]bool{}
	for _, o := range operations(b) {
		if v := pathVersion(o.path); v != "" {
			basePaths[strings.ToLower(v)] = true
		}
	}
	inside := map[string][]string{}
	for _, op := range in.breaking {
		_, p, _ := strings.Cut(op, " ")
		v, where := pathVersion(p), "path"
		if v == "" {
			v, where = revServer, "server"
		}
		if v == "" || (where == "path" && !basePaths[strings.ToLower(v)]) || (where == "server" && baseServer == "") {
			continue
		}
		k := where + " " + v
		inside[k] = append(inside[k], op)
	}
	if len(inside) == 0 {
		return nil
	}
	var where, inPath, ops []string
	for _, k := range sortedNames(inside) {
		kind, v, _ := strings.Cut(k, " ")
		if kind == "server" {
			where = append(where, fmt.Sprintf("/%s/ (the version in the server URL %s)", v, revURL))
		} else {
			inPath = append(inPath, "/"+v+"/")
		}
		ops = append(ops, inside[k]...)
	}
	if len(inPath) > 0 {
		where = append(where, strings.Join(inPath, " and ")+" (the version in the path)")
	}
	sort.Strings(ops)
	c.operations = ops
	c.key = "url version"
	c.message = fmt.Sprintf("%s inside the existing %s: the API is versioned by URL, so clients of that version break whatever info.version says; "+
		"serve the changed operations under a new version beside the old one, or make the changes compatible",
		what, strings.Join(where, " and "))
	return []change{c}
}

func infoVersion(t *openapi3.T) string {
	if t == nil || t.Info == nil {
		return ""
	}
	return t.Info.Version
}
