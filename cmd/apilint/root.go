package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/baseline"
	"github.com/apilint/apilint/internal/changes"
	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/report"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// exitError carries an exit code through cobra.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit %d", int(c)) }

// usageError marks errors in how apilint was called.
type usageError struct{ error }

// exitFor turns the command's error into an exit code, printing it.
func exitFor(err error, stderr io.Writer) int {
	var code exitCode
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &code):
		return int(code)
	default:
		fmt.Fprintln(stderr, "apilint: "+err.Error())
		return exitError
	}
}

// lintFlags are the flags of the code check.
type lintFlags struct {
	format  string
	outputs []string
	enable  []string
	disable []string
	failOn  string
	tags    string
	dir     string
	config  string
	// CI adoption.
	baseline      string
	writeBaseline string
	newFromRev    string
	newFromBase   string
	fix           bool
}

func newRoot(rules []analyzers.Rule, stdout, stderr io.Writer) *cobra.Command {
	var f lintFlags
	// The analyzers' flags, registered from a set built only for them:
	// each run builds its own analyzers and applies the values given.
	schema := analyzers.Build(rules, analyzers.Options{})
	root := &cobra.Command{
		Use:   "apilint [flags] [packages]",
		Short: "Find what makes an API fall over at scale, before merge",
		Long: `apilint analyzes Go packages (default ./...) for N+1 queries, calls and servers
with no timeout, unbounded list endpoints and request bodies, and slow work in
request handlers; and diffs OpenAPI contracts (apilint contract diff).

Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
2 for usage errors and packages that do not load.

It is also a vet tool: go vet -vettool=$(which apilint) ./...`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, rules, stdout, stderr, f, args)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	fl := root.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringArrayVar(&f.outputs, "output", nil, "write the findings as FORMAT to standard output, or FORMAT=PATH to a file; repeat for several (--output text --output sarif=apilint.sarif)")
	fl.StringSliceVar(&f.enable, "enable", nil, "run only these analyzers (comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "do not run these analyzers (comma-separated)")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this level: error, warning, note")
	fl.StringVar(&f.tags, "tags", "", "build tags, as for go build")
	fl.StringVarP(&f.dir, "dir", "C", "", "change to this directory before loading packages, as go -C does")
	fl.StringVar(&f.config, "config", "", "configuration file (default: .apilint.yml found from the working directory upward)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this baseline file and exit 0")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	fl.StringVar(&f.newFromBase, "new-from-merge-base", "", "report only findings on lines changed since the merge base of HEAD and this revision (a pull request's base branch)")
	fl.BoolVar(&f.fix, "fix", false, "apply the suggested fixes of the findings reported, then report what remains")
	addAnalyzerFlags(fl, schema.Configurable())

	root.AddCommand(newExplain(rules, stdout), newRules(rules, stdout), newVersion(stdout))
	root.Version = versionString()
	root.SetVersionTemplate("apilint {{.Version}}\n")
	root.AddCommand(newContract(stdout, stderr))
	return root
}

// addAnalyzerFlags exposes each analyzer's flags as --name.flag, the same
// names go vet uses (-name.flag).
func addAnalyzerFlags(fl *pflag.FlagSet, as []*analysis.Analyzer) {
	for _, a := range as {
		a.Flags.VisitAll(func(gf *flag.Flag) {
			pf := pflag.PFlagFromGoFlag(gf)
			pf.Name = a.Name + "." + gf.Name
			pf.Shorthand = ""
			fl.AddFlag(pf)
		})
	}
}

// analyzerFlags returns the analyzer flags set on the command line, by
// qualified name ("nplusone.writes").
func analyzerFlags(fl *pflag.FlagSet) map[string]string {
	out := make(map[string]string)
	fl.Visit(func(f *pflag.Flag) {
		if strings.Contains(f.Name, ".") {
			out[f.Name] = f.Value.String()
		}
	})
	return out
}

func runLint(cmd *cobra.Command, rules []analyzers.Rule, stdout, stderr io.Writer, f lintFlags, patterns []string) error {
	given := analyzerFlags(cmd.Flags())
	path := f.config
	if path == "" {
		path = given["effects.config"] // the vet tool's spelling
	}
	settings, err := config.Resolve(config.Source{Path: path, Dir: f.dir, Flags: given, FlagsFrom: "command line"})
	if err != nil {
		return err
	}
	if l := settings.FailOn(); l != "" && !cmd.Flags().Changed("fail-on") {
		f.failOn = string(l)
	}
	failOn, ok := report.ParseLevel(f.failOn)
	if !ok {
		return usageError{fmt.Errorf("--fail-on %q: want error, warning or note", f.failOn)}
	}
	outs, err := parseOutputs(f.format, f.outputs)
	if err != nil {
		return err
	}
	var slot atomic.Pointer[effects.Program]
	table := settings.Table()
	set := analyzers.Build(rules, analyzers.Options{Table: table, Program: &slot, Findings: settings.FindingOptions()})
	if err := settings.Apply(set.Configurable()); err != nil {
		return err
	}
	selected, err := selectAnalyzers(settings, set, f.enable, f.disable)
	if err != nil {
		return usageError{err}
	}
	all := append(selected, set.Directives)
	driver.Guard(all)
	opts := driver.Options{Dir: f.dir, Patterns: patterns, Analyzers: all, Effects: set.Effects, Program: &slot, Table: table}
	if f.tags != "" {
		opts.BuildFlags = []string{"-tags=" + f.tags}
	}
	res, err := driver.Run(opts)
	if err != nil {
		return outsideModule(f.dir, err)
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "apilint: "+e)
	}
	if f.writeBaseline != "" {
		if err := baseline.WriteFile(f.writeBaseline, res.Findings); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "apilint: recorded %s in %s\n", count(len(res.Findings), "finding"), f.writeBaseline)
		if len(res.Errors) > 0 {
			return exitCode(exitError)
		}
		return nil
	}
	if f.newFromBase != "" {
		if f.newFromRev != "" {
			return usageError{fmt.Errorf("--new-from-rev and --new-from-merge-base: give one")}
		}
		if f.newFromRev, err = changes.MergeBase(res.Root, f.newFromBase); err != nil {
			return err
		}
	}
	findings, note, err := adopt(res.Findings, f.newFromRev, f.baseline, res.Root)
	if err != nil {
		return err
	}
	if f.fix {
		if findings, err = applyFixes(stderr, findings, res); err != nil {
			return err
		}
	}
	if err := writeOutputs(stdout, outs, findings, sarifOptions(res.Root, rules...)); err != nil {
		return err
	}
	if hasText(outs) {
		s := report.Summarize(findings)
		fmt.Fprintf(stderr, "apilint: %s, %s (%s, %s, %s)%s\n",
			count(res.Packages, "package"), count(len(findings), "finding"),
			count(s.Error, "error"), count(s.Warning, "warning"), count(s.Note, "note"), note)
	}
	switch {
	case len(res.Errors) > 0:
		return exitCode(exitError)
	case report.AtLeast(findings, failOn) > 0:
		return exitCode(exitFindings)
	}
	return nil
}

// count says "1 finding", "2 findings", "1 fix", "2 fixes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// sarifOptions describes the rules and the repository for --format
// sarif. Code finding paths are relative to root already; with root "",
// paths are relative to the working directory (the contract command).
func sarifOptions(root string, rules ...analyzers.Rule) report.SARIFOptions {
	wd := root
	if root == "" {
		wd, _ = os.Getwd()
		if real, err := filepath.EvalSymlinks(wd); err == nil {
			wd = real
		}
		root = driver.FindRoot(wd)
	}
	return report.SARIFOptions{Rules: analyzerRules(rules), Root: root, WorkDir: wd, Version: versionString()}
}

// loadConfig returns the configuration file the contract command reads,
// resolved as every driver resolves it; nil when there is none.
func loadConfig(path, dir string) (*config.File, error) {
	s, err := config.Resolve(config.Source{Path: path, Dir: dir})
	if err != nil {
		return nil, err
	}
	return s.File, nil
}

// adopt applies --new-from-rev and --baseline: what remains are the
// findings a change introduced. note says what was left out.
// Finding paths are relative to root.
func adopt(fs []report.Finding, rev, base, root string) ([]report.Finding, string, error) {
	var notes []string
	if rev != "" {
		lines, err := changes.Since(root, rev)
		if err != nil {
			return nil, "", err
		}
		var kept []report.Finding
		for _, f := range fs {
			abs := f.File
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(root, filepath.FromSlash(abs))
			}
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				abs = real
			}
			if f.File == "" || lines.Changed(abs, f.Line) {
				kept = append(kept, f)
			}
		}
		notes = append(notes, fmt.Sprintf("%d on lines unchanged since %s", len(fs)-len(kept), rev))
		fs = kept
	}
	if base != "" {
		b, err := baseline.Read(base)
		if err != nil {
			return nil, "", err
		}
		var accepted int
		fs, accepted = b.Filter(fs)
		notes = append(notes, fmt.Sprintf("%d in the baseline", accepted))
	}
	if len(notes) == 0 {
		return fs, "", nil
	}
	return fs, "; not shown: " + strings.Join(notes, ", "), nil
}

func validFormat(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// selectAnalyzers applies the configuration's enabled settings, then
// --enable and --disable.
func selectAnalyzers(settings *config.Settings, set *analyzers.Set, enable, disable []string) ([]*analysis.Analyzer, error) {
	var names []string
	for _, a := range set.Rules {
		names = append(names, a.Name)
	}
	check := func(flag string, list []string) (map[string]bool, error) {
		chosen := make(map[string]bool)
		for _, n := range list {
			n = strings.TrimSpace(n)
			if set.Rule(n) == nil {
				hint := ""
				if near := config.Nearest(n, names); near != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", near)
				}
				return nil, fmt.Errorf("%s: unknown analyzer %q%s (known: %s)", flag, n, hint, strings.Join(names, ", "))
			}
			chosen[n] = true
		}
		return chosen, nil
	}
	en, err := check("--enable", enable)
	if err != nil {
		return nil, err
	}
	dis, err := check("--disable", disable)
	if err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	for _, a := range set.Rules {
		on := true
		if e, ok := settings.Enabled(a.Name); ok {
			on = e
		}
		if len(en) > 0 {
			on = en[a.Name]
		}
		if on && !dis[a.Name] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		switch {
		case len(enable) > 0 || len(disable) > 0:
			return nil, fmt.Errorf("--enable and --disable leave no analyzer to run")
		case settings.File != nil:
			return nil, fmt.Errorf("%s turns every analyzer off (enabled: false): nothing to run", settings.File.Path)
		}
		return nil, fmt.Errorf("no analyzer to run")
	}
	return out, nil
}
