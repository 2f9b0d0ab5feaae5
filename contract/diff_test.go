package contract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"

	"github.com/apilint/apilint/internal/report"
)

// summary is what a test compares of a finding.
func summary(f report.Finding) string {
	return fmt.Sprintf("%s %s [%s]", f.Level, f.Rule, strings.Join(f.Operations, ", "))
}

func summaries(fs []report.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = summary(f)
	}
	sort.Strings(out)
	return out
}

func TestDiffFixture(t *testing.T) {
	res, err := Diff("testdata/diff/base.yaml", "testdata/diff/rev.yaml", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"error api-deprecated-header-missing [GET /v1/widgets/{id}]",
		"error api-removed-without-deprecation [DELETE /v1/widgets/{id}]",
		"error api-sunset-date-too-small [GET /v1/widgets/{id}]",
		"error api-sunset-header-missing [GET /v1/widgets/{id}]",
		"error breaking-change-without-version-bump [DELETE /v1/widgets/{id}, GET /v1/gadgets, GET /v1/gadgets/{id}, GET /v1/widgets/{id}]",
		"error response-property-enum-value-added [GET /v1/gadgets, GET /v1/gadgets/{id}]",
	}
	if got := summaries(res.Findings); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range res.Findings {
		// Removals are found in the base, everything else in the revision.
		wantFile := "testdata/diff/rev.yaml"
		if f.Rule == "api-removed-without-deprecation" {
			wantFile = "testdata/diff/base.yaml"
		}
		if f.File != wantFile || f.Line == 0 || f.Fingerprint == "" {
			t.Errorf("%s: at %s:%d fingerprint %q, want a line of %s and a fingerprint", f.Rule, f.File, f.Line, f.Fingerprint, wantFile)
		}
		if f.Rule == "response-property-enum-value-added" {
			// Grouped at the shared schema: Part.kind, at the new value,
			// line 83 of rev.yaml.
			if f.Line != 83 || !strings.Contains(f.Message, "`Part/kind`") || !strings.Contains(f.Message, "`200`, `default`") {
				t.Errorf("grouped finding at line %d: %s", f.Line, f.Message)
			}
			if f.Cause != "testdata/diff/rev.yaml#/components/schemas/Part/properties/kind" {
				t.Errorf("cause %q", f.Cause)
			}
		}
	}
}

// pairs returns the (rule, operation) pairs of findings at level or above.
func pairs(fs []report.Finding, level report.Level) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		if f.Level.Rank() < level.Rank() {
			continue
		}
		if len(f.Operations) == 0 {
			out[f.Rule+" "] = true
		}
		for _, op := range f.Operations {
			out[f.Rule+" "+op] = true
		}
	}
	return out
}

// checkNoLoss checks that grouping keeps exactly oasdiff's (rule,
// operation) pairs at every level, and returns the finding counts
// ungrouped and grouped.
func checkNoLoss(t *testing.T, a *analysis) (int, int) {
	t.Helper()
	flat, grouped := a.findings(true), a.findings(false)
	for _, level := range []report.Level{report.Error, report.Warning, report.Note} {
		f, g := pairs(flat, level), pairs(grouped, level)
		for p := range f {
			if !g[p] {
				t.Errorf("%s: grouping lost %s", level, p)
			}
		}
		for p := range g {
			if !f[p] {
				t.Errorf("%s: grouping made up %s", level, p)
			}
		}
	}
	if len(grouped) > len(flat) {
		t.Errorf("%d grouped findings, more than the %d ungrouped", len(grouped), len(flat))
	}
	return len(flat), len(grouped)
}

// repeatedCauses returns the findings that share a rule and a cause with
// an earlier one: one cause reported twice.
func repeatedCauses(fs []report.Finding) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if f.Cause == "" {
			continue
		}
		k := f.Rule + " " + f.Cause
		if seen[k] {
			out = append(out, k)
		}
		seen[k] = true
	}
	return out
}

func TestGroupingLosesNothing(t *testing.T) {
	o := DefaultOptions()
	o.Level = report.Note
	a, err := analyze("testdata/diff/base.yaml", "testdata/diff/rev.yaml", o)
	if err != nil {
		t.Fatal(err)
	}
	flat, grouped := checkNoLoss(t, a)
	if flat != len(a.changes)+len(a.ours) || grouped >= flat {
		t.Errorf("%d changes and %d of ours gave %d ungrouped and %d grouped findings", len(a.changes), len(a.ours), flat, grouped)
	}
}

// TestStripe diffs two real versions of Stripe's spec, when they are
// there: grouping must keep exactly oasdiff's (rule, operation) pairs at
// every level, cut the findings at least tenfold, and report no cause
// (a schema property) twice under one rule.
func TestStripe(t *testing.T) {
	base, rev := "../../shared/specs/stripe-2023-03-15.yaml", "../../shared/specs/stripe-2023-09-12.yaml"
	if _, err := os.Stat(rev); err != nil {
		t.Skip("../shared/specs is not there")
	}
	if testing.Short() {
		t.Skip("takes about a minute")
	}
	o := DefaultOptions()
	o.Level = report.Note
	a, err := analyze(base, rev, o)
	if err != nil {
		t.Fatal(err)
	}
	flat, grouped := checkNoLoss(t, a)
	t.Logf("%d oasdiff changes: %d findings ungrouped, %d grouped", len(a.changes), flat, grouped)
	if grouped*10 > flat {
		t.Errorf("%d grouped findings from %d: less than tenfold", grouped, flat)
	}
	if rep := repeatedCauses(a.findings(false)); len(rep) > 0 {
		t.Errorf("%d causes reported more than once under one rule, such as %s", len(rep), rep[0])
	}
}

// TestChecksMatchSequential checks that running oasdiff's checks on every
// core gives what oasdiff gives running them one after another.
func TestChecksMatchSequential(t *testing.T) {
	load1 := func(name string) *load.SpecInfo {
		s, err := Load(name, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return &load.SpecInfo{Url: name, Spec: s.T, Version: infoVersion(s.T)}
	}
	for _, pair := range [][2]string{
		{"testdata/diff/base.yaml", "testdata/diff/rev.yaml"},
		{"testdata/diff/rev.yaml", "testdata/diff/base.yaml"},
		{"testdata/headers.yaml", "testdata/diff/rev.yaml"},
	} {
		d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), load1(pair[0]), load1(pair[1]))
		if err != nil {
			t.Fatal(err)
		}
		l := checker.NewLocalizer("en")
		text := func(cs checker.Changes) string {
			var b strings.Builder
			for _, c := range cs {
				fmt.Fprintf(&b, "%s %s %s %s\n", c.GetLevel(), c.GetId(), c.GetOperation()+" "+c.GetPath(), c.GetUncolorizedText(l))
			}
			return b.String()
		}
		// At each floor, and with a note raised to an error (which
		// brings back a check that a warning floor would skip).
		for _, o := range []Options{DefaultOptions(), {Severity: map[string]string{"response-optional-property-added": "error"}}} {
			opts := checkerConfig(o)
			for _, floor := range []checker.Level{checker.INFO, checker.WARN, checker.ERR} {
				want := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks(), opts...), d, sources, floor)
				got := runChecks(opts, d, sources, floor)
				if text(got) != text(want) {
					t.Errorf("%s → %s, floor %s: concurrent checks gave\n%s\nsequential:\n%s", pair[0], pair[1], floor, text(got), text(want))
				}
				if len(want) == 0 && floor == checker.INFO {
					t.Errorf("%s → %s, floor %s: no changes: the fixture tests nothing", pair[0], pair[1], floor)
				}
			}
		}
	}
}

// TestChecksReachingFloor checks what checksReaching relies on: each of
// oasdiff's checks reports only its own rules, at their configured
// levels, so a check whose rules are all below the floor has nothing to
// report at or above it.
func TestChecksReachingFloor(t *testing.T) {
	cfg := checker.NewConfig(nil, checkerConfig(DefaultOptions())...)
	own := map[uintptr]map[string]bool{}
	for _, r := range checker.GetAllRules() {
		p := reflect.ValueOf(r.Handler).Pointer()
		if own[p] == nil {
			own[p] = map[string]bool{}
		}
		own[p][r.Id] = true
	}
	for _, pair := range [][2]string{
		{"testdata/diff/base.yaml", "testdata/diff/rev.yaml"},
		{"testdata/diff/rev.yaml", "testdata/diff/base.yaml"},
		{"testdata/headers.yaml", "testdata/diff/rev.yaml"},
		{"testdata/diff/rev.yaml", "testdata/headers.yaml"},
	} {
		b, err := Load(pair[0], LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := Load(pair[1], LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), &load.SpecInfo{Url: pair[0], Spec: b.T}, &load.SpecInfo{Url: pair[1], Spec: r.T})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range checker.GetAllChecks() {
			if c == nil {
				continue
			}
			ids := own[reflect.ValueOf(c).Pointer()]
			for _, ch := range c(d, sources, cfg) {
				n++
				if !ids[ch.GetId()] {
					t.Errorf("%s → %s: a check reported %s, which is not one of its rules", pair[0], pair[1], ch.GetId())
				} else if ch.GetLevel() > cfg.LogLevels[ch.GetId()] {
					t.Errorf("%s → %s: %s reported at %s, above its configured %s", pair[0], pair[1], ch.GetId(), ch.GetLevel(), cfg.LogLevels[ch.GetId()])
				}
			}
		}
		if n == 0 {
			t.Errorf("%s → %s: no changes: the fixture tests nothing", pair[0], pair[1])
		}
	}
}

func TestSeverityOverrides(t *testing.T) {
	tests := []struct {
		name     string
		severity map[string]string
		want     string // summary that must be there, or "-rule" that must not
		err      string
	}{
		{"oasdiff rule lowered", map[string]string{"api-removed-without-deprecation": "warning"},
			"warning api-removed-without-deprecation [DELETE /v1/widgets/{id}]", ""},
		{"oasdiff rule off", map[string]string{"api-removed-without-deprecation": "off"}, "-api-removed-without-deprecation", ""},
		{"our rule lowered", map[string]string{RuleSunsetHeaderMissing: "warning"},
			"warning api-sunset-header-missing [GET /v1/widgets/{id}]", ""},
		{"our rule off", map[string]string{RuleDeprecatedHeaderMissing: "off"}, "-" + RuleDeprecatedHeaderMissing, ""},
		{"oasdiff note raised", map[string]string{"api-major-version-not-bumped": "error"},
			"error api-major-version-not-bumped []", ""},
		{"unknown ids", map[string]string{"no-such-rule": "error", "another-typo": "off"}, "",
			`severity overrides name unknown contract rules "another-typo", "no-such-rule"`},
		{"unknown level", map[string]string{"api-removed-without-deprecation": "fatal"}, "",
			`unknown levels (want error, warning, note or off): api-removed-without-deprecation: "fatal"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := DefaultOptions()
			o.Severity = tt.severity
			res, err := Diff("testdata/diff/base.yaml", "testdata/diff/rev.yaml", o)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := summaries(res.Findings)
			if rule, ok := strings.CutPrefix(tt.want, "-"); ok {
				for _, s := range got {
					if strings.Contains(s, " "+rule+" ") {
						t.Errorf("%s is off but reported: %s", rule, s)
					}
				}
				return
			}
			found := false
			for _, s := range got {
				found = found || s == tt.want
			}
			if !found {
				t.Errorf("no %q in\n%s", tt.want, strings.Join(got, "\n"))
			}
		})
	}
}

// versions says how a generated pair of specs is versioned.
type versions struct {
	from, to string // info.version
	// servers, when set, are the server URLs of the base and the
	// revision; paths are then unversioned.
	servers [2]string
	// bare drops /v1 from the paths.
	bare bool
}

// specPair writes a base and a revision that differ in their versions
// and, when breaking, in a removed operation; with sunset set, the
// revision's GET is deprecated with that x-sunset.
func specPair(t *testing.T, v versions, breaking bool, sunset string) (string, string) {
	t.Helper()
	base, err := os.ReadFile("testdata/diff/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := string(base)
	if v.bare || v.servers[0] != "" {
		spec = strings.ReplaceAll(spec, "  /v1/", "  /")
	}
	b := strings.Replace(spec, "version: 1.0.0", "version: \""+v.from+"\"", 1)
	r := strings.Replace(spec, "version: 1.0.0", "version: \""+v.to+"\"", 1)
	if v.servers[0] != "" {
		b = strings.Replace(b, "paths:\n", "servers: [{url: '"+v.servers[0]+"'}]\npaths:\n", 1)
		r = strings.Replace(r, "paths:\n", "servers: [{url: '"+v.servers[1]+"'}]\npaths:\n", 1)
	}
	if breaking {
		r = strings.Replace(r, "    delete:\n      operationId: deleteWidget\n      responses:\n        \"204\": {description: deleted}\n", "", 1)
	}
	if sunset != "" {
		r = strings.Replace(r, "      operationId: getWidget\n", "      operationId: getWidget\n      deprecated: true\n      x-sunset: \""+sunset+"\"\n", 1)
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{"base.yaml": b, "rev.yaml": r})
	return filepath.Join(dir, "base.yaml"), filepath.Join(dir, "rev.yaml")
}

func TestVersionBump(t *testing.T) {
	v4, v5, v10, v9 := "https://api.example.com/client/v4", "https://api.example.com/client/v5", "https://api.example.com/v10", "https://api.example.com/v9"
	tests := []struct {
		v        versions
		breaking bool
		want     string // level of breaking-change-without-version-bump, or ""
		message  string
	}{
		// The version in info.version.
		{versions{from: "1.0.0", to: "1.1.0", bare: true}, true, "error", "went from 1.0.0 to 1.1.0, not to a new major version (semantic versioning, compared as numbers)"},
		{versions{from: "1.0.0", to: "1.0.0", bare: true}, true, "error", "not to a new major version (semantic versioning"},
		{versions{from: "v1.2.3", to: "v2.0.0", bare: true}, true, "", ""},
		{versions{from: "1.0.0", to: "2.0.0-beta.1", bare: true}, true, "", ""},
		{versions{from: "0.1.0", to: "0.2.0", bare: true}, true, "", ""},
		{versions{from: "0.1.0", to: "0.1.1", bare: true}, true, "error", "semantic versioning"},
		{versions{from: "2.0.0", to: "1.9.0", bare: true}, true, "error", "semantic versioning"},
		{versions{from: "9.0.0", to: "10.0.0", bare: true}, true, "", ""},
		{versions{from: "v9", to: "v10", bare: true}, true, "", ""},
		{versions{from: "v10", to: "v9", bare: true}, true, "error", "(vN versions, compared as numbers)"},
		{versions{from: "2.0", to: "3.0", bare: true}, true, "", ""},
		{versions{from: "2024.0", to: "2024.1", bare: true}, true, "error", "(numbered versions, compared as numbers)"},
		{versions{from: "2023-01-01", to: "2023-02-01", bare: true}, true, "", ""},
		{versions{from: "2023-02-01", to: "2023-02-01", bare: true}, true, "error", "(dated versions"},
		{versions{from: "b", to: "a", bare: true}, true, "note", "which follow no versioning scheme apilint knows"},
		{versions{from: "a", to: "a", bare: true}, true, "error", `info.version stayed "a"`},
		{versions{from: "1.0.0", to: "1.0.1", bare: true}, false, "", ""},
		// The version in the URL.
		{versions{from: "1.0.0", to: "2.0.0"}, true, "error", "inside the existing /v1/ (the version in the path): the API is versioned by URL"},
		{versions{from: "4.0.0", to: "4.0.0", servers: [2]string{v4, v4}}, true, "error", "inside the existing /v4/ (the version in the server URL https://api.example.com/client/v4)"},
		{versions{from: "4.0.0", to: "5.0.0", servers: [2]string{v4, v4}}, true, "error", "whatever info.version says"},
		{versions{from: "4.0.0", to: "4.0.0", servers: [2]string{v4, v5}}, true, "", ""},
		{versions{from: "1", to: "1", servers: [2]string{v9, v10}}, true, "", ""},
		{versions{from: "1", to: "1", servers: [2]string{v10, v9}}, true, "error", "/v9/"},
		// A dated version that moves on is a new version, /v1/ or not
		// (Stripe).
		{versions{from: "2022-11-15", to: "2023-08-16"}, true, "", ""},
	}
	for _, tt := range tests {
		name := tt.v.from + "→" + tt.v.to
		if tt.v.servers[0] != "" {
			name += " " + tt.v.servers[0] + "→" + tt.v.servers[1]
		}
		t.Run(name, func(t *testing.T) {
			base, rev := specPair(t, tt.v, tt.breaking, "")
			o := DefaultOptions()
			o.Level = report.Note
			res, err := Diff(base, rev, o)
			if err != nil {
				t.Fatal(err)
			}
			var got report.Finding
			for _, f := range res.Findings {
				if f.Rule == RuleVersionNotBumped {
					got = f
				}
			}
			if string(got.Level) != tt.want || !strings.Contains(got.Message, tt.message) {
				t.Errorf("got %q %q, want %q %q", got.Level, got.Message, tt.want, tt.message)
			}
			if tt.want != "" && len(got.Operations) != 1 || tt.want != "" && !strings.HasPrefix(got.Operations[0], "DELETE /") {
				t.Errorf("operations %v, want the removed one", got.Operations)
			}
		})
	}
}

func TestMinSunsetDays(t *testing.T) {
	soon := time.Now().AddDate(0, 0, 30).Format(time.DateOnly)
	tests := []struct {
		days uint
		want bool
	}{
		{180, true},
		{31, true},
		{10, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.days), func(t *testing.T) {
			base, rev := specPair(t, versions{from: "1.0.0", to: "1.0.0"}, false, soon)
			o := DefaultOptions()
			o.MinSunsetDays = tt.days
			res, err := Diff(base, rev, o)
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, f := range res.Findings {
				got = got || (f.Rule == "api-sunset-date-too-small" && f.Level == report.Error)
			}
			if got != tt.want {
				t.Errorf("sunset in 30 days with a policy of %d days: api-sunset-date-too-small %v, want %v", tt.days, got, tt.want)
			}
		})
	}
}

func TestDiffStdinTwice(t *testing.T) {
	data, err := os.ReadFile("testdata/diff/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Diff("-", "-", Options{Load: LoadOptions{Stdin: strings.NewReader(string(data))}, MinSunsetDays: 180})
	if err != nil {
		t.Fatal(err)
	}
	if res.Changes != 0 {
		t.Errorf("%d changes between stdin and itself", res.Changes)
	}
}

func TestDiffInputErrors(t *testing.T) {
	tests := []struct{ base, rev, want string }{
		{"testdata/diff/base.yaml", "testdata/nope.yaml", "testdata/nope.yaml: no such file or directory"},
		{"testdata/escape/parent.yaml", "testdata/diff/rev.yaml", "testdata/escape/parent.yaml:11: $ref to /etc/passwd leaves the spec's directory"},
	}
	for _, tt := range tests {
		_, err := Diff(tt.base, tt.rev, DefaultOptions())
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Diff(%s, %s): %v, want %q", tt.base, tt.rev, err, tt.want)
		}
	}
}

// TestDiffSelf diffs every fixture, and every real spec in ../shared/specs
// when it is there, against itself: nothing may be reported.
func TestDiffSelf(t *testing.T) {
	specs, _ := filepath.Glob("testdata/*.yaml")
	more, _ := filepath.Glob("testdata/*/*.yaml")
	specs = append(specs, more...)
	real, _ := filepath.Glob("../../shared/specs/*.yaml")
	if len(real) > 0 && !testing.Short() {
		specs = append(specs, real...)
	}
	for _, spec := range specs {
		if strings.Contains(spec, "escape") || strings.Contains(spec, "schemas") {
			continue // not loadable on purpose, or not a whole spec
		}
		t.Run(filepath.Base(spec), func(t *testing.T) {
			o := DefaultOptions()
			o.Level = report.Note
			res, err := Diff(spec, spec, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 0 || res.Changes != 0 {
				t.Errorf("%d changes, %d findings against itself: %v", res.Changes, len(res.Findings), summaries(res.Findings))
			}
		})
	}
}

// TestDiffOptions checks oasdiff's options as apilint passes them on:
// path filters apply to our rules too, prefixes match moved paths, and
// --flatten-allof and --exclude-elements reach the diff.
func TestDiffOptions(t *testing.T) {
	run := func(o Options, base, rev string) []string {
		t.Helper()
		res, err := Diff(base, rev, o)
		if err != nil {
			t.Fatal(err)
		}
		return summaries(res.Findings)
	}
	b, r := "testdata/diff/base.yaml", "testdata/diff/rev.yaml"
	o := DefaultOptions()
	o.MatchPath = "^/v1/gadgets"
	for _, s := range run(o, b, r) {
		if strings.Contains(s, "widgets") {
			t.Errorf("--match-path ^/v1/gadgets kept %s", s)
		}
	}
	o = DefaultOptions()
	o.UnmatchPath = "gadgets"
	for _, s := range run(o, b, r) {
		if strings.Contains(s, "gadgets") {
			t.Errorf("--unmatch-path gadgets kept %s", s)
		}
	}
	o = DefaultOptions()
	o.FlattenAllOf = true
	o.ExcludeElements = []string{"description"}
	if got := run(o, b, r); len(got) == 0 {
		t.Error("--flatten-allof lost every finding")
	}

	// The revision moved every path under /api: matched by prefix, only
	// the real changes remain.
	data, err := os.ReadFile(r)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{"moved.yaml": strings.ReplaceAll(string(data), "  /v1/", "  /api/v1/")})
	o = DefaultOptions()
	o.StripPrefixRevision = "/api"
	moved := run(o, b, filepath.Join(dir, "moved.yaml"))
	if want := run(DefaultOptions(), b, r); len(moved) != len(want) {
		t.Errorf("with --strip-prefix-revision /api:\n%s\nwant as many as:\n%s", strings.Join(moved, "\n"), strings.Join(want, "\n"))
	}

	for _, bad := range []Options{{MatchPath: "("}, {ExcludeElements: []string{"everything"}}} {
		if _, err := Diff(b, r, bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}
