package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

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

func execute(args []string) int {
	root := newRoot(os.Stdout, os.Stderr)
	root.SetArgs(args)
	return exitFor(root.Execute(), os.Stderr)
}

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
	fix           bool
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	var f lintFlags
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
			return runLint(cmd, stdout, stderr, f, args)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	fl := root.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringSliceVar(&f.enable, "enable", nil, "run only these analyzers (comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "do not run these analyzers (comma-separated)")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this level: error, warning, note")
	fl.StringVar(&f.tags, "tags", "", "build tags, as for go build")
	fl.StringVarP(&f.dir, "dir", "C", "", "change to this directory before loading packages, as go -C does")
	fl.StringVar(&f.config, "config", "", "configuration file (default: .apilint.yml found from the working directory upward)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this baseline file and exit 0")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	fl.BoolVar(&f.fix, "fix", false, "apply the suggested fixes of the findings reported, then report what remains")
	addAnalyzerFlags(fl, analyzers.WithShared())

	root.AddCommand(newExplain(stdout), newVersion(stdout))
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

func runLint(cmd *cobra.Command, stdout, stderr io.Writer, f lintFlags, patterns []string) error {
	flags := cmd.Flags()
	if f.config == "" {
		f.config = effects.ConfigPath // --effects.config, the vet tool's spelling
	}
	cfg, err := loadConfig(f.config, f.dir)
	if err != nil {
		return err
	}
	if cfg != nil {
		if err := cfg.Apply(analyzers.WithShared(), func(q string) bool { return flags.Changed(q) }); err != nil {
			return err
		}
		if cfg.FailOn != "" && !flags.Changed("fail-on") {
			f.failOn = cfg.FailOn
		}
	}
	failOn, ok := report.ParseLevel(f.failOn)
	if !ok {
		return usageError{fmt.Errorf("--fail-on %q: want error, warning or note", f.failOn)}
	}
	if !validFormat(f.format) {
		return usageError{fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats, ", "))}
	}
	selected, err := selectAnalyzers(cfg, f.enable, f.disable)
	if err != nil {
		return usageError{err}
	}
	opts := driver.Options{Dir: f.dir, Patterns: patterns, Analyzers: selected, KnownRules: ruleNames()}
	if f.tags != "" {
		opts.BuildFlags = []string{"-tags=" + f.tags}
	}
	res, err := driver.Run(opts)
	if err != nil {
		return err
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "apilint: "+e)
	}
	if cfg != nil {
		relevel(cfg, res.Findings)
	}
	if f.writeBaseline != "" {
		if err := baseline.WriteFile(f.writeBaseline, res.Findings); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "apilint: recorded %d findings in %s\n", len(res.Findings), f.writeBaseline)
		if len(res.Errors) > 0 {
			return exitCode(exitError)
		}
		return nil
	}
	findings, note, err := adopt(res.Findings, f.newFromRev, f.baseline, f.dir)
	if err != nil {
		return err
	}
	if f.fix {
		applied, files, err := driver.ApplyFixes(findings)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "apilint: applied %d fixes to %d files\n", applied, len(files))
		var left []report.Finding
		for _, x := range findings {
			if x.Fix == nil {
				left = append(left, x)
			}
		}
		findings = left
	}
	if err := report.Write(stdout, f.format, findings, sarifOptions(f.dir)); err != nil {
		return err
	}
	if f.format == "text" {
		s := report.Summarize(findings)
		fmt.Fprintf(stderr, "apilint: %d packages, %d findings (%d errors, %d warnings, %d notes)%s\n",
			res.Packages, len(findings), s.Error, s.Warning, s.Note, note)
	}
	switch {
	case len(res.Errors) > 0:
		return exitCode(exitError)
	case report.AtLeast(findings, failOn) > 0:
		return exitCode(exitFindings)
	}
	return nil
}

// sarifOptions describes the rules and the repository for --format sarif.
func sarifOptions(dir string) report.SARIFOptions {
	wd, _ := os.Getwd()
	root := wd
	if dir == "" {
		dir = "."
	}
	if out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Output(); err == nil {
		root = strings.TrimSpace(string(out))
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	return report.SARIFOptions{Rules: analyzerRules(), Root: root, WorkDir: wd, Version: versionString()}
}

// adopt applies --new-from-rev and --baseline: what remains are the
// findings a change introduced. note says what was left out.
func adopt(fs []report.Finding, rev, base, dir string) ([]report.Finding, string, error) {
	var notes []string
	if rev != "" {
		if dir == "" {
			dir = "."
		}
		lines, err := changes.Since(dir, rev)
		if err != nil {
			return nil, "", err
		}
		var kept []report.Finding
		for _, f := range fs {
			abs, err := filepath.Abs(f.File)
			if err == nil {
				if real, err := filepath.EvalSymlinks(abs); err == nil {
					abs = real
				}
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

// relevel applies the configuration's per-analyzer levels.
func relevel(cfg *config.File, fs []report.Finding) {
	for i := range fs {
		if l := cfg.Level(fs[i].Rule); l != "" {
			fs[i].Level = l
		}
	}
}

// selectAnalyzers applies the configuration's enabled settings, then
// --enable and --disable.
func selectAnalyzers(cfg *config.File, enable, disable []string) ([]*analysis.Analyzer, error) {
	known := analyzers.All()
	names := make([]string, len(known))
	for i, a := range known {
		names[i] = a.Name
	}
	check := func(list []string) (map[string]bool, error) {
		set := make(map[string]bool)
		for _, n := range list {
			n = strings.TrimSpace(n)
			if analyzers.ByName(n) == nil {
				return nil, fmt.Errorf("unknown analyzer %q (known: %s)", n, strings.Join(names, ", "))
			}
			set[n] = true
		}
		return set, nil
	}
	en, err := check(enable)
	if err != nil {
		return nil, err
	}
	dis, err := check(disable)
	if err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	for _, a := range known {
		on := true
		if cfg != nil {
			if e, ok := cfg.Enabled(a.Name); ok {
				on = e
			}
		}
		if len(en) > 0 {
			on = en[a.Name]
		}
		if on && !dis[a.Name] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--enable and --disable leave no analyzer to run")
	}
	return out, nil
}
