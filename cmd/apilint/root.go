package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/diag"
	"github.com/apilint/apilint/internal/lint"
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
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &code):
		return int(code)
	default:
		fmt.Fprintln(os.Stderr, "apilint: "+err.Error())
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
	addAnalyzerFlags(fl, analyzers.All())

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
	failOn, ok := diag.ParseLevel(f.failOn)
	if !ok {
		return usageError{fmt.Errorf("--fail-on %q: want error, warning or note", f.failOn)}
	}
	if !validFormat(f.format) {
		return usageError{fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats, ", "))}
	}
	selected, err := selectAnalyzers(f.enable, f.disable)
	if err != nil {
		return usageError{err}
	}
	opts := lint.Options{Dir: f.dir, Patterns: patterns, Analyzers: selected}
	if f.tags != "" {
		opts.BuildFlags = []string{"-tags=" + f.tags}
	}
	res, err := lint.Run(opts)
	if err != nil {
		return err
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "apilint: "+e)
	}
	if err := report.Write(stdout, f.format, res.Findings); err != nil {
		return err
	}
	if f.format == "text" {
		s := report.Summarize(res.Findings)
		fmt.Fprintf(stderr, "apilint: %d packages, %d findings (%d errors, %d warnings, %d notes)\n",
			res.Packages, len(res.Findings), s.Error, s.Warning, s.Note)
	}
	switch {
	case len(res.Errors) > 0:
		return exitCode(exitError)
	case report.AtLeast(res.Findings, failOn) > 0:
		return exitCode(exitFindings)
	}
	return nil
}

func validFormat(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// selectAnalyzers applies --enable and --disable.
func selectAnalyzers(enable, disable []string) ([]*analysis.Analyzer, error) {
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
		if (len(en) == 0 || en[a.Name]) && !dis[a.Name] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--enable and --disable leave no analyzer to run")
	}
	return out, nil
}
