package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oasdiff/oasdiff/diff"
	"github.com/spf13/cobra"

	"github.com/apilint/apilint/contract"
	"github.com/apilint/apilint/internal/report"
)

// contractFlags are the flags of apilint contract diff and lint.
type contractFlags struct {
	config            string
	format            string
	failOn            string
	level             string
	minSunsetDays     uint
	minSunsetBetaDays uint
	noGroup           bool
	allowExternalRefs bool
	allOperations     bool
	summary           bool

	// oasdiff's options, under its names.
	flattenAllOf                         bool
	matchPath, unmatchPath               string
	stripPrefixBase, stripPrefixRevision string
	prefixBase, prefixRevision           string
	excludeElements                      []string
}

func newContract(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contract",
		Short: "Check OpenAPI contracts: breaking changes, deprecation headers, version bumps",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("contract needs a subcommand: diff BASE REVISION, or lint SPEC")}
		},
	}
	cmd.AddCommand(newContractDiff(stdout, stderr), newContractLint(stdout, stderr))
	return cmd
}

func addContractFlags(cmd *cobra.Command, f *contractFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "configuration file (default: .apilint.yml found from the working directory upward); its contract section applies")
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this level: error, warning, note")
	fl.StringVar(&f.level, "level", "warning", "report findings at or above this level: error, warning, note")
	fl.BoolVar(&f.noGroup, "no-group", false, "report each change on its own instead of one finding per root cause")
	fl.BoolVar(&f.allowExternalRefs, "allow-external-refs", false, "fetch $refs to http(s) URLs (off: such a $ref is an error and nothing is fetched)")
	fl.BoolVar(&f.allOperations, "all-operations", false, "list every operation a finding affects (text lists the first "+fmt.Sprint(report.DefaultOperations)+" and how many more)")
	fl.BoolVar(&f.summary, "summary", false, "print only the number of findings per rule and level (text)")
}

// addDiffFlags adds oasdiff's options that apilint passes on.
func addDiffFlags(cmd *cobra.Command, f *contractFlags) {
	fl := cmd.Flags()
	fl.BoolVar(&f.flattenAllOf, "flatten-allof", false, "merge the subschemas of each allOf before the diff, so that what the branches describe together is compared")
	fl.StringVar(&f.matchPath, "match-path", "", "diff only the paths that match this regular expression")
	fl.StringVar(&f.unmatchPath, "unmatch-path", "", "leave out the paths that match this regular expression")
	fl.StringVar(&f.stripPrefixBase, "strip-prefix-base", "", "strip this prefix from the base's paths before matching them")
	fl.StringVar(&f.stripPrefixRevision, "strip-prefix-revision", "", "strip this prefix from the revision's paths before matching them")
	fl.StringVar(&f.prefixBase, "prefix-base", "", "add this prefix to the base's paths before matching them")
	fl.StringVar(&f.prefixRevision, "prefix-revision", "", "add this prefix to the revision's paths before matching them")
	fl.StringSliceVar(&f.excludeElements, "exclude-elements", nil, "leave these kinds of change out of the diff: "+strings.Join(diff.GetExcludeDiffOptions(), ", "))
}

func newContractDiff(stdout, stderr io.Writer) *cobra.Command {
	var f contractFlags
	cmd := &cobra.Command{
		Use:   "diff BASE REVISION",
		Short: "Report breaking changes and deprecation mistakes between two versions of an OpenAPI spec",
		Long: `Compares two versions of an OpenAPI 3.0 or 3.1 spec with every check of oasdiff, plus
apilint's rules: Deprecation and Sunset headers on the operations the diff deprecates
(RFC 9745, RFC 8594), a sunset policy (--min-sunset-days), and a new version for breaking
changes, judged by how the API versions (in the URL, by date, semver).

One finding per root cause: a change to a shared schema, parameter or header is one finding
at the line that changed (in the base for what was removed), listing every operation it
affects; --no-group shows oasdiff's changes one by one. Text lists the first operations of
a finding (--all-operations all of them), --summary only counts; --format markdown fits a
pull-request comment, --format github writes the annotations a step shows and the whole
report to $GITHUB_STEP_SUMMARY.

BASE and REVISION are each a file, "-" for standard input, or GITREF:path, a file as git
has it at a ref (origin/main:api/openapi.yaml), read without touching the work tree; the
path is relative to the working directory, like the revision's (a leading / starts at the
repository's root).
Specs are untrusted: $refs to URLs are refused unless --allow-external-refs, relative
$refs must stay in the spec's directory, and documents and YAML aliases are bounded.

Exit status: 0 when nothing is at or above --fail-on, 1 when something is, 2 for usage
and input errors.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{fmt.Errorf("contract diff takes BASE and REVISION, got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o, failOn, err := f.options(cmd, cmd.InOrStdin())
			if err != nil {
				return err
			}
			tuneDiffGC()
			res, err := contract.Diff(args[0], args[1], o)
			if err != nil {
				return err
			}
			return writeContract(stdout, stderr, f, failOn, res.Findings, args,
				fmt.Sprintf("%s (%s) → %s (%s): %s", args[0], res.BaseVersion, args[1], res.RevisionVersion, count(res.Changes, "change")))
		},
	}
	addContractFlags(cmd, &f)
	addDiffFlags(cmd, &f)
	cmd.Flags().UintVar(&f.minSunsetDays, "min-sunset-days", 180, "sunset policy: fewest days between deprecating a stable operation and its x-sunset date")
	cmd.Flags().UintVar(&f.minSunsetBetaDays, "min-sunset-days-beta", 0, "the same for operations with x-stability-level: beta")
	return cmd
}

func newContractLint(stdout, stderr io.Writer) *cobra.Command {
	var f contractFlags
	cmd := &cobra.Command{
		Use:   "lint SPEC",
		Short: "Report single-spec problems: unpaginated lists, inconsistent error schemas, unversioned paths",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("contract lint takes one SPEC, got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o, failOn, err := f.options(cmd, cmd.InOrStdin())
			if err != nil {
				return err
			}
			fs, err := contract.Lint(args[0], o)
			if err != nil {
				return err
			}
			return writeContract(stdout, stderr, f, failOn, fs, args, args[0])
		},
	}
	addContractFlags(cmd, &f)
	return cmd
}

// options checks the flags and the configuration file's contract section
// (flags win) and turns them into contract.Options.
func (f contractFlags) options(cmd *cobra.Command, stdin io.Reader) (contract.Options, report.Level, error) {
	o := contract.DefaultOptions()
	cfg, err := loadConfig(f.config, "")
	if err != nil {
		return o, "", err
	}
	if cfg != nil {
		c := cfg.Contract
		changed := cmd.Flags().Changed
		if c.FailOn != "" && !changed("fail-on") {
			f.failOn = c.FailOn
		}
		if c.MinSunsetDays != nil && !changed("min-sunset-days") {
			f.minSunsetDays = uint(*c.MinSunsetDays)
		}
		if c.AllowExternalRefs && !changed("allow-external-refs") {
			f.allowExternalRefs = true
		}
		if len(c.Rules) > 0 {
			o.Severity = c.Rules
			if err := o.Validate(); err != nil {
				return o, "", fmt.Errorf("%s: contract.rules: %w", cfg.Path, err)
			}
		}
		o.PaginationParams = cfg.APIs.PaginationParams
	}
	failOn, ok := report.ParseLevel(f.failOn)
	if !ok {
		return o, "", usageError{fmt.Errorf("--fail-on %q: want error, warning or note", f.failOn)}
	}
	level, ok := report.ParseLevel(f.level)
	if !ok {
		return o, "", usageError{fmt.Errorf("--level %q: want error, warning or note", f.level)}
	}
	if !validFormat(f.format) {
		return o, "", usageError{fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats, ", "))}
	}
	if f.summary && f.format != "text" {
		return o, "", usageError{fmt.Errorf("--summary prints text; --format %s has its own summary", f.format)}
	}
	o.Level = level
	o.NoGroup = f.noGroup
	o.MinSunsetDays = f.minSunsetDays
	o.MinSunsetBetaDays = f.minSunsetBetaDays
	o.Load.AllowExternalRefs = f.allowExternalRefs
	o.Load.Stdin = stdin
	o.FlattenAllOf = f.flattenAllOf
	o.MatchPath, o.UnmatchPath = f.matchPath, f.unmatchPath
	o.StripPrefixBase, o.StripPrefixRevision = f.stripPrefixBase, f.stripPrefixRevision
	o.PrefixBase, o.PrefixRevision = f.prefixBase, f.prefixRevision
	o.ExcludeElements = f.excludeElements
	if err := o.Validate(); err != nil {
		return o, "", usageError{err}
	}
	return o, failOn, nil
}

// writeContract prints findings and turns them into the exit status.
// specs are the spec arguments. Text, JSON and Markdown name files as the
// command line does; GitHub annotations and SARIF from the repository
// root, as GitHub resolves them.
func writeContract(stdout, stderr io.Writer, f contractFlags, failOn report.Level, fs []report.Finding, specs []string, what string) error {
	opts := sarifOptions("")
	shown := fs
	if f.format == "github" || f.format == "sarif" {
		shown = fromRepoRoot(fs, specs, opts.WorkDir, opts.Root)
		opts.WorkDir = opts.Root
	}
	var err error
	switch {
	case f.summary:
		err = report.SummaryText(stdout, fs)
	case f.format == "text":
		o := report.TextOptions{}
		if f.allOperations {
			o.Operations = -1
		}
		err = report.TextWith(stdout, fs, o)
	case f.format == "github":
		// The annotations GitHub shows, and the whole report in the
		// step summary when the step has one.
		err = report.GitHubWith(stdout, shown, report.GitHubOptions{StepSummary: os.Getenv("GITHUB_STEP_SUMMARY")})
	default:
		opts.Rules = contractRules(fs)
		err = report.Write(stdout, f.format, shown, opts)
	}
	if err != nil {
		return err
	}
	if f.format == "text" {
		s := report.Summarize(fs)
		fmt.Fprintf(stderr, "apilint: %s; %s (%s, %s, %s)\n", what, count(len(fs), "finding"),
			count(s.Error, "error"), count(s.Warning, "warning"), count(s.Note, "note"))
	}
	if report.AtLeast(fs, failOn) > 0 {
		return exitCode(exitFindings)
	}
	return nil
}
