package contract

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"

	"github.com/apilint/apilint/internal/report"
)

// Options configure Diff and Lint.
type Options struct {
	// Load says where specs are read from and how far.
	Load LoadOptions
	// MinSunsetDays is the sunset policy for stable operations: the
	// fewest days between deprecating one and its x-sunset date. It is
	// passed to oasdiff's deprecation config, which reports
	// api-sunset-date-too-small under it.
	MinSunsetDays uint
	// MinSunsetBetaDays is the same for operations with
	// x-stability-level: beta.
	MinSunsetBetaDays uint
	// Severity re-levels rules by id, ours and oasdiff's: "error",
	// "warning", "note" or "off". Validate checks it.
	Severity map[string]string
	// Level is the lowest level reported; "" means warning.
	Level report.Level
	// NoGroup reports every change oasdiff finds on its own, instead of
	// one finding per root cause.
	NoGroup bool
	// PaginationParams replaces, for contract lint, the query parameter
	// names that count as pagination (apis.PaginationParams).
	PaginationParams []string

	// The options below are oasdiff's, under the names its breaking
	// command gives them.

	// FlattenAllOf merges the subschemas of every allOf before the diff,
	// so that what the branches describe together is compared.
	FlattenAllOf bool
	// MatchPath keeps only the paths that match this regular expression;
	// UnmatchPath drops those that match this one.
	MatchPath, UnmatchPath string
	// StripPrefixBase and StripPrefixRevision are removed from, and then
	// PrefixBase and PrefixRevision added to, the paths of each side
	// before they are matched (/api/v1/x in the base against /v1/x).
	StripPrefixBase, StripPrefixRevision string
	PrefixBase, PrefixRevision           string
	// ExcludeElements leaves kinds of change out of the diff: examples,
	// description, endpoints, title, summary, extensions.
	ExcludeElements []string
}

// DefaultOptions are the defaults of apilint contract diff.
func DefaultOptions() Options {
	return Options{MinSunsetDays: 180, Level: report.Warning}
}

// Result is what Diff found.
type Result struct {
	Findings []report.Finding
	// Changes is how many changes oasdiff reported at or above the
	// level, before grouping.
	Changes int
	// BaseVersion and RevisionVersion are the specs' info.version.
	BaseVersion, RevisionVersion string
}

// levelOff turns a rule off in Options.Severity.
const levelOff = "off"

// Validate checks the severity overrides: every id must be a rule of
// oasdiff's or ours, and every level one apilint knows. oasdiff itself
// exits the process on an unknown id, so this must run first.
func (o Options) Validate() error {
	known := map[string]bool{}
	for _, id := range checker.GetAllRuleIds() {
		known[id] = true
	}
	for _, r := range Rules {
		known[r.ID] = true
	}
	var unknown, bad []string
	for id, lvl := range o.Severity {
		if !known[id] {
			unknown = append(unknown, fmt.Sprintf("%q", id))
		}
		if _, ok := report.ParseLevel(lvl); !ok && lvl != levelOff {
			bad = append(bad, fmt.Sprintf("%s: %q", id, lvl))
		}
	}
	sort.Strings(unknown)
	sort.Strings(bad)
	switch {
	case len(unknown) > 0:
		return fmt.Errorf("severity overrides name unknown contract rules %s (apilint explain contract lists them)", strings.Join(unknown, ", "))
	case len(bad) > 0:
		return fmt.Errorf("severity overrides with unknown levels (want error, warning, note or off): %s", strings.Join(bad, ", "))
	}
	if o.Level != "" {
		if _, ok := report.ParseLevel(string(o.Level)); !ok {
			return fmt.Errorf("level %q: want error, warning or note", o.Level)
		}
	}
	for flag, re := range map[string]string{"--match-path": o.MatchPath, "--unmatch-path": o.UnmatchPath} {
		if _, err := regexp.Compile(re); err != nil {
			return fmt.Errorf("%s %q: %w", flag, re, err)
		}
	}
	for _, e := range o.ExcludeElements {
		if !slices.Contains(diff.GetExcludeDiffOptions(), e) {
			return fmt.Errorf("--exclude-elements %q: want %s", e, strings.Join(diff.GetExcludeDiffOptions(), ", "))
		}
	}
	return nil
}

// diffConfig is oasdiff's diff configuration for o.
func (o Options) diffConfig() *diff.Config {
	cfg := diff.NewConfig(diff.WithMatchInlineRefs(true), diff.WithExcludeElements(o.ExcludeElements))
	cfg.MatchPath, cfg.UnmatchPath = o.MatchPath, o.UnmatchPath
	cfg.PathStripPrefixBase, cfg.PathStripPrefixRevision = o.StripPrefixBase, o.StripPrefixRevision
	cfg.PathPrefixBase, cfg.PathPrefixRevision = o.PrefixBase, o.PrefixRevision
	return cfg
}

// basePath is the path in the base that a path of the revision is
// matched with, under the prefix options.
func (o Options) basePath(rev string) string {
	common := o.PrefixRevision + strings.TrimPrefix(rev, o.StripPrefixRevision)
	return o.StripPrefixBase + strings.TrimPrefix(common, o.PrefixBase)
}

// keepPath reports whether the path filters keep a path.
func (o Options) keepPath(p string) bool {
	if o.MatchPath != "" && !regexp.MustCompile(o.MatchPath).MatchString(p) {
		return false
	}
	return o.UnmatchPath == "" || !regexp.MustCompile(o.UnmatchPath).MatchString(p)
}

// oasdiffLevels maps our levels to oasdiff's.
var oasdiffLevels = map[string]checker.Level{
	"error": checker.ERR, "warning": checker.WARN, "note": checker.INFO, levelOff: checker.NONE,
}

// fromOasdiff maps oasdiff's levels to ours.
func fromOasdiff(l checker.Level) report.Level {
	switch l {
	case checker.ERR:
		return report.Error
	case checker.WARN:
		return report.Warning
	}
	return report.Note
}

// Diff compares two versions of a contract: oasdiff's diff and every one
// of its checks, then our rules, then grouping. BASE and REVISION are
// read as Load reads them, concurrently.
func Diff(base, revision string, o Options) (*Result, error) {
	a, err := analyze(base, revision, o)
	if err != nil {
		return nil, err
	}
	return &Result{
		Findings:        a.findings(o.NoGroup),
		Changes:         len(a.changes),
		BaseVersion:     infoVersion(a.base.T),
		RevisionVersion: infoVersion(a.rev.T),
	}, nil
}

// analysis is what Diff found before it is made into findings.
type analysis struct {
	opts      Options
	base, rev *Spec
	// changes are oasdiff's, ours our rules' (levelled and filtered).
	changes checker.Changes
	ours    []change
}

// analyze loads both specs, diffs them and runs every check and rule.
func analyze(base, revision string, o Options) (*analysis, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if o.Level == "" {
		o.Level = report.Warning
	}
	b, r, err := loadPair(base, revision, o.Load)
	if err != nil {
		return nil, err
	}
	s1 := &load.SpecInfo{Url: b.Name, Spec: b.T, Version: infoVersion(b.T)}
	s2 := &load.SpecInfo{Url: r.Name, Spec: r.T, Version: infoVersion(r.T)}

	// Our rules read header names as written (they compare them
	// case-insensitively); oasdiff's breaking command lower-cases them
	// before diffing, and so do we, so that a header that only changed
	// case is not a change.
	ours := o.filterPaths(runRules(&ruleInput{base: b, rev: r, basePath: o.basePath}, false, nil))
	if _, err := load.WithLowercaseHeaders()(nil, []*load.SpecInfo{s1, s2}); err != nil {
		return nil, fmt.Errorf("%s: %w", r.Name, err)
	}
	if o.FlattenAllOf {
		if _, err := load.WithFlattenAllOf()(nil, []*load.SpecInfo{s1, s2}); err != nil {
			return nil, fmt.Errorf("--flatten-allof: %s; oasdiff cannot merge these allOf branches, so compare them without --flatten-allof", oneLine(err.Error()))
		}
	}
	d, sources, err := diff.GetWithOperationsSourcesMap(o.diffConfig(), s1, s2)
	if err != nil {
		return nil, fmt.Errorf("diff %s %s: %w", b.Name, r.Name, err)
	}
	floor := checker.WARN
	if o.Level == report.Note {
		floor = checker.INFO
	}
	changes := runChecks(checkerConfig(o), d, sources, floor)

	// The version rule judges oasdiff's error-level changes, after the
	// user's overrides.
	ops := map[string]bool{}
	breakingCount := 0
	for _, c := range changes {
		if c.GetLevel() == checker.ERR {
			breakingCount++
			if c.GetOperation() != "" {
				ops[c.GetOperation()+" "+c.GetPath()] = true
			}
		}
	}
	breaking := sortedKeys(ops)
	ours = append(ours, runRules(&ruleInput{base: b, rev: r, breaking: breaking, breakingCount: breakingCount}, false, versionRuleOnly)...)
	return &analysis{opts: o, base: b, rev: r, changes: changes, ours: ours}, nil
}

// filterPaths drops our rules' findings about operations outside the
// path filters, which oasdiff drops from its diff.
func (o Options) filterPaths(cs []change) []change {
	if o.MatchPath == "" && o.UnmatchPath == "" {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		ops := c.operations
		if c.operation != "" {
			ops = append(ops[:len(ops):len(ops)], c.operation)
		}
		keep := len(ops) == 0
		for _, op := range ops {
			_, p, _ := strings.Cut(op, " ")
			keep = keep || o.keepPath(p)
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}

// findings groups the analysis by root cause, or not.
func (a *analysis) findings(noGroup bool) []report.Finding {
	conv := newConverter(checker.NewLocalizer("en"), a.base, a.rev, noGroup)
	cs := make([]change, 0, len(a.changes)+len(a.ours))
	for _, c := range a.changes {
		cs = append(cs, conv.convert(c))
	}
	cs = append(cs, a.ours...)
	return group(applySeverity(cs, a.opts), noGroup, conv)
}

// versionRuleOnly picks the rule that needs oasdiff's results; the
// others run before the diff, on the specs as written.
func versionRuleOnly(r *Rule) bool { return r.ID == RuleVersionNotBumped }

// runRules runs our rules of the given kind; pick, when set, chooses
// among them, and by default every rule but the version rule runs.
func runRules(in *ruleInput, lint bool, pick func(*Rule) bool) []change {
	if pick == nil {
		pick = func(r *Rule) bool { return !versionRuleOnly(r) }
	}
	var out []change
	for _, r := range Rules {
		if r.Lint == lint && r.check != nil && pick(r) {
			out = append(out, r.check(in)...)
		}
	}
	return out
}

// applySeverity gives each change its level (the rule's default unless
// the change sets its own, and the user's override over both) and drops
// those turned off or below the reporting level.
func applySeverity(cs []change, o Options) []change {
	out := cs[:0]
	for _, c := range cs {
		if lvl, ok := o.Severity[c.rule]; ok {
			if lvl == levelOff {
				continue
			}
			c.level = report.Level(lvl)
		}
		if c.level == "" {
			if r := ruleByID(c.rule); r != nil {
				c.level = r.Level
			}
		}
		if c.level.Rank() < o.Level.Rank() {
			continue
		}
		out = append(out, c)
	}
	return out
}

// loadPair loads base and revision at the same time: each is mostly
// parsing, and they share nothing.
func loadPair(base, revision string, lo LoadOptions) (*Spec, *Spec, error) {
	baseOpts, revOpts := lo, lo
	// Findings point into the revision, and into the base for what the
	// revision no longer has.
	baseOpts.KeepTrees, revOpts.KeepTrees = true, true
	if base == "-" && revision == "-" {
		// Standard input can be read once; "-" twice names one document.
		s, err := Load(base, revOpts)
		return s, s, err
	}
	var b, r *Spec
	var berr, rerr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b, berr = Load(base, baseOpts)
	}()
	r, rerr = Load(revision, revOpts)
	wg.Wait()
	if berr != nil {
		return nil, nil, berr
	}
	return b, r, rerr
}

// checkerConfig builds oasdiff's checker config from ours. Validate has
// vetted the ids, so WithSeverityLevels cannot exit the process.
func checkerConfig(o Options) []checker.Option {
	known := map[string]bool{}
	for _, id := range checker.GetAllRuleIds() {
		known[id] = true
	}
	levels := map[string]checker.Level{}
	for id, lvl := range o.Severity {
		if known[id] {
			levels[id] = oasdiffLevels[lvl]
		}
	}
	return []checker.Option{
		checker.WithSeverityLevels(levels),
		checker.WithDeprecation(o.MinSunsetBetaDays, o.MinSunsetDays),
	}
}

// runChecks runs oasdiff's checks on every core, with the result that
// checker.CheckBackwardCompatibilityUntilLevel gives for all of them run
// one after another. It calls that function once, with one check that runs
// all the real ones: oasdiff prepares the diff (stability filter,
// webhooks) before its checks and reworks their changes after them
// (transitions, shared schemas, guards, versioning policy), and all of
// that stays its own. Inside, the checks, which only read the diff, are
// handed out one at a time to one worker per core, so that a few slow
// ones do not leave a core idle, and their changes are put back in the
// order of the checks.
func runChecks(opts []checker.Option, d *diff.Diff, sources *diff.OperationsSourcesMap, floor checker.Level) checker.Changes {
	all := checksReaching(opts, floor)
	workers := min(runtime.GOMAXPROCS(0), len(all))
	if workers <= 1 {
		return checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(all, opts...), d, sources, floor)
	}
	concurrent := func(d *diff.Diff, sources *diff.OperationsSourcesMap, cfg *checker.Config) checker.Changes {
		results := make([]checker.Changes, len(all))
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					results[i] = all[i](d, sources, cfg)
				}
			}()
		}
		for i := range all {
			next <- i
		}
		close(next)
		wg.Wait()
		var out checker.Changes
		for _, r := range results {
			out = append(out, r...)
		}
		return out
	}
	cfg := checker.NewConfig(checker.BackwardCompatibilityChecks{concurrent}, opts...)
	return checker.CheckBackwardCompatibilityUntilLevel(cfg, d, sources, floor)
}

// checksReaching returns oasdiff's checks that can report a change at or
// above floor: those with a rule at that level or higher once the user's
// overrides apply. The others would only make changes that oasdiff's
// level filter drops, at the cost of walking every schema (a fifth of the
// checks' time on Stripe's specs). This holds because oasdiff's checks
// take each change's level from the config by rule id (the one check that
// sets levels itself, components security, has rules at every level) and
// nothing after the checks raises a level. TestChecksReachingFloor checks
// that each check reports only its own rules.
func checksReaching(opts []checker.Option, floor checker.Level) checker.BackwardCompatibilityChecks {
	levels := checker.NewConfig(nil, opts...).LogLevels
	highest := map[uintptr]checker.Level{}
	for _, r := range checker.GetAllRules() {
		if r.Handler == nil {
			continue
		}
		p := reflect.ValueOf(r.Handler).Pointer()
		if l, ok := levels[r.Id]; ok && l > highest[p] {
			highest[p] = l
		}
	}
	var out checker.BackwardCompatibilityChecks
	for _, c := range checker.GetAllChecks() {
		if c != nil && (floor <= checker.INFO || highest[reflect.ValueOf(c).Pointer()] >= floor) {
			out = append(out, c)
		}
	}
	return out
}
