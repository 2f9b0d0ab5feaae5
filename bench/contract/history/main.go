// Command history runs apilint contract diff over the history of a real
// API, as a team would meet it pull request after pull request, and
// prints per pair of revisions what a reviewer gets: findings, lines of
// text output, repeated causes (two findings of one rule at one cause and
// level; the target is none), causes that oasdiff rates at two levels by
// route, and apilint's own rules' findings, listed with
// -own so that they can be read and judged.
//
//	go run ./bench/contract/history -apilint BIN -repo DIR -spec PATH [-tree DIR] [-n 4] [-step 1] [-own]
//	go run ./bench/contract/history -apilint BIN FILE1 FILE2 ...
//
// With -repo, the pairs are the last n+1 commits that touched PATH (every
// step-th with -step; read as COMMIT:PATH, so multi-file specs come from
// the same commit); with files, consecutive files are the pairs.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/apilint/apilint/contract"
)

func main() {
	bin := flag.String("apilint", "apilint", "the apilint binary")
	repo := flag.String("repo", "", "a git repository (a bare one will do)")
	spec := flag.String("spec", "", "the spec's path in the repository")
	n := flag.Int("n", 4, "pairs of consecutive commits")
	step := flag.Int("step", 1, "take every step-th commit that touched the spec (1: consecutive)")
	tree := flag.String("tree", "", "the files whose commits count (default: the spec; a directory for a multi-file spec)")
	own := flag.Bool("own", false, "list the findings of apilint's own rules")
	flag.Parse()

	var revs []string
	dir := ""
	if *repo != "" {
		dir = *repo
		touched := *tree
		if touched == "" {
			touched = *spec
		}
		out, err := exec.Command("git", "-C", *repo, "log", "--format=%h", fmt.Sprintf("-%d", *n**step+1), "--", touched).Output()
		check(err)
		commits := strings.Fields(string(out))
		for i := len(commits) - 1; i >= 0; i-- {
			if i%*step == 0 {
				revs = append(revs, commits[i]+":"+*spec)
			}
		}
	} else {
		revs = flag.Args()
	}
	if len(revs) < 2 {
		fmt.Fprintln(os.Stderr, "usage: history -apilint BIN (-repo DIR -spec PATH | FILE1 FILE2 ...)")
		os.Exit(2)
	}
	fmt.Printf("%-44s %8s %8s %6s %6s %8s\n", "pair", "findings", "lines", "repeat", "levels", "own")
	for i := 0; i+1 < len(revs); i++ {
		base, rev := revs[i], revs[i+1]
		js := run(dir, *bin, "contract", "diff", "--format", "json", base, rev)
		text := run(dir, *bin, "contract", "diff", base, rev)
		var r struct {
			Findings []struct {
				Rule, Level, Message, File, Cause string
				Line                              int
				Operations                        []string
			}
		}
		check(json.Unmarshal(js, &r))
		seen, seenLevel := map[string]bool{}, map[string]bool{}
		repeats, levels, owned := 0, 0, 0
		var ownLines []string
		for _, f := range r.Findings {
			if f.Cause != "" {
				// A repeat is one cause reported twice at one level; a cause
				// at two levels is oasdiff rating it differently by route
				// (at most a warning through an allOf).
				k := f.Rule + " " + f.Cause
				switch {
				case seenLevel[k+" "+f.Level]:
					repeats++
				case seen[k]:
					levels++
				}
				seen[k], seenLevel[k+" "+f.Level] = true, true
			}
			if ours[f.Rule] {
				owned++
				ownLines = append(ownLines, fmt.Sprintf("    %s %s %s:%d %s [%d operations: %s]", f.Level, f.Rule, f.File, f.Line,
					f.Message, len(f.Operations), strings.Join(f.Operations[:min(3, len(f.Operations))], ", ")))
			}
		}
		fmt.Printf("%-44s %8d %8d %6d %6d %8d\n", short(base)+" → "+short(rev), len(r.Findings), bytes.Count(text, []byte("\n")), repeats, levels, owned)
		if *own {
			for _, l := range ownLines {
				fmt.Println(l)
			}
		}
	}
}

// ours are apilint's own contract diff rules.
var ours = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range contract.Rules {
		if !r.Lint {
			m[r.ID] = true
		}
	}
	return m
}()

func short(s string) string {
	if i := strings.LastIndex(s, "/"); i >= 0 && !strings.Contains(s, ":") {
		return s[i+1:]
	}
	if c, p, ok := strings.Cut(s, ":"); ok {
		return c + ":" + p[strings.LastIndex(p, "/")+1:]
	}
	return s
}

// run runs apilint and returns its standard output; exit status 1 is
// findings, not a failure.
func run(dir, bin string, args ...string) []byte {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n%s", bin, strings.Join(args, " "), err, stderr.String())
		os.Exit(2)
	}
	return out
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "history:", err)
		os.Exit(2)
	}
}
