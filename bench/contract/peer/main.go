// Command peer is the benchmark's reference point: it calls oasdiff's
// library the way the `oasdiff breaking BASE REVISION` command does with
// its default flags (origins recorded, external refs allowed, header names
// lower-cased, inline refs matched, every check, level WARN, text output),
// so that bench/contract.sh compares apilint against oasdiff itself rather
// than against a slower or faster imitation.
//
// With -pairs FILE it also writes one "level<TAB>rule<TAB>operation" line
// per change, for the harness's comparison; timed runs leave it off.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/formatters"
	"github.com/oasdiff/oasdiff/load"
)

func main() {
	pairs := flag.String("pairs", "", "also write level, rule and operation of each change to this file")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: peer [-pairs FILE] BASE REVISION")
		os.Exit(2)
	}
	changes, info, err := breaking(flag.Arg(0), flag.Arg(1))
	if err != nil {
		fmt.Fprintln(os.Stderr, "peer: "+err.Error())
		os.Exit(2)
	}
	f, err := formatters.Lookup(string(formatters.FormatText), formatters.FormatterOpts{
		Language:        "en",
		BaseVersion:     info.GetBaseVersion(),
		RevisionVersion: info.GetRevisionVersion(),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "peer: "+err.Error())
		os.Exit(2)
	}
	out, err := f.RenderChangelog(changes, formatters.RenderOpts{ColorMode: checker.ColorNever, IsBreaking: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "peer: "+err.Error())
		os.Exit(2)
	}
	fmt.Printf("%s\n", out)
	if *pairs != "" {
		if err := writePairs(*pairs, changes); err != nil {
			fmt.Fprintln(os.Stderr, "peer: "+err.Error())
			os.Exit(2)
		}
	}
}

// breaking mirrors oasdiff's breaking command: two loads with one shared
// loader, one after the other, then the diff, then every check.
func breaking(base, revision string) (checker.Changes, *load.SpecInfoPair, error) {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	opts := []load.Option{
		load.GetOption(load.WithFlattenAllOf(), false),
		load.GetOption(load.WithFlattenParams(), false),
		load.GetOption(load.WithLowercaseHeaders(), true),
	}
	s1, err := load.NewSpecInfo(loader, load.NewSource(base), opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", base, err)
	}
	s2, err := load.NewSpecInfo(loader, load.NewSource(revision), opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", revision, err)
	}
	cfg := diff.NewConfig()
	cfg.MatchInlineRefs = true
	d, sources, err := diff.GetWithOperationsSourcesMap(cfg, s1, s2)
	if err != nil {
		return nil, nil, fmt.Errorf("diff: %w", err)
	}
	bc := checker.NewConfig(checker.GetAllChecks(),
		checker.WithDeprecation(checker.DefaultBetaDeprecationDays, checker.DefaultStableDeprecationDays))
	changes := checker.CheckBackwardCompatibilityUntilLevel(bc, d, sources, checker.WARN)
	return changes, load.NewSpecInfoPair(s1, s2), nil
}

func writePairs(path string, changes checker.Changes) error {
	var b strings.Builder
	for _, c := range changes {
		op := ""
		if c.GetOperation() != "" {
			op = c.GetOperation() + " " + c.GetPath()
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", strings.ToLower(c.GetLevel().String()), c.GetId(), op)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
