// Command harness times apilint contract diff against the peer (oasdiff's
// library called as its breaking command calls it) on the same pair of
// specs in one run, alternating the two so that both see the same machine,
// and compares what they report: the error-level (rule, operation) pairs
// and the number of findings. bench/contract.sh builds both and runs it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/apilint/apilint/contract"
)

func main() {
	peer := flag.String("peer", "", "the peer binary")
	apilint := flag.String("apilint", "", "the apilint binary")
	runs := flag.Int("runs", 3, "timed runs of each")
	flag.Parse()
	if flag.NArg() != 2 || *peer == "" || *apilint == "" {
		fmt.Fprintln(os.Stderr, "usage: harness -peer BIN -apilint BIN [-runs N] BASE REVISION")
		os.Exit(2)
	}
	base, rev := flag.Arg(0), flag.Arg(1)
	tmp, err := os.MkdirTemp("", "contract-bench")
	check(err)
	defer os.RemoveAll(tmp)

	var pw, aw, pc, ac []time.Duration
	var pm, am []int64
	var ratios []float64
	for i := 0; i < *runs; i++ {
		d, c, m := run(*peer, base, rev)
		pw, pc, pm = append(pw, d), append(pc, c), append(pm, m)
		d, c, m = run(*apilint, "contract", "diff", base, rev)
		aw, ac, am = append(aw, d), append(ac, c), append(am, m)
		ratios = append(ratios, aw[i].Seconds()/pw[i].Seconds())
		fmt.Printf("run %d: peer %6.2fs wall %6.2fs cpu %5d MiB   apilint %6.2fs wall %6.2fs cpu %5d MiB   wall ratio %.2f\n", i+1,
			pw[i].Seconds(), pc[i].Seconds(), pm[i]>>20, aw[i].Seconds(), ac[i].Seconds(), am[i]>>20, ratios[i])
	}
	pwm, awm := median(pw), median(aw)
	pcm, acm := median(pc), median(ac)
	pmm, amm := medianInt(pm), medianInt(am)
	sort.Float64s(ratios)
	fmt.Printf("\nmedian wall   peer %.2fs  apilint %.2fs  ratio %.2f, median of per-run ratios %.2f (target <= 0.60)\n",
		pwm.Seconds(), awm.Seconds(), awm.Seconds()/pwm.Seconds(), ratios[len(ratios)/2])
	fmt.Printf("median CPU    peer %.2fs  apilint %.2fs  ratio %.2f (user+system; wall gains need a free core)\n", pcm.Seconds(), acm.Seconds(), acm.Seconds()/pcm.Seconds())
	fmt.Printf("median maxRSS peer %d MiB  apilint %d MiB  ratio %.2f (target <= 1.25)\n", pmm>>20, amm>>20, float64(amm)/float64(pmm))
	if n := runtime.NumCPU(); n < 2 {
		fmt.Printf("note: %d CPU: apilint's concurrency cannot help here\n", n)
	}

	// What they report, from untimed runs.
	pairsFile := filepath.Join(tmp, "peer.tsv")
	_, err = exec.Command(*peer, "-pairs", pairsFile, base, rev).Output()
	check(err)
	peerPairs, peerCount := readPeerPairs(pairsFile)
	js, err := exec.Command(*apilint, "contract", "diff", "--format", "json", base, rev).Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings
	}
	check(err)
	ourPairs, ourCount := readOurPairs(js)
	missing, extra := diffSets(peerPairs, ourPairs)
	fmt.Printf("\nerror-level (rule, operation) pairs: peer %d, apilint %d, missing from apilint %d, extra in apilint %d\n",
		len(peerPairs), len(ourPairs), len(missing), len(extra))
	for i, p := range missing {
		if i == 10 {
			fmt.Printf("  ... %d more\n", len(missing)-10)
			break
		}
		fmt.Println("  missing:", p)
	}
	for i, p := range extra {
		if i == 10 {
			fmt.Printf("  ... %d more\n", len(extra)-10)
			break
		}
		fmt.Println("  extra:", p)
	}
	fmt.Printf("findings: peer %d, apilint %d, %.1fx fewer (target >= 10x)\n", peerCount, ourCount, float64(peerCount)/float64(max(ourCount, 1)))
}

// run runs a command with its output discarded and returns its wall
// time, CPU time and peak resident set size.
func run(name string, args ...string) (time.Duration, time.Duration, int64) {
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings, as expected on this pair
	}
	if err != nil {
		fmt.Fprint(os.Stderr, stderr.String())
	}
	check(err)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return wall, cpu, ru.Maxrss * 1024 // kilobytes on Linux
}

// readPeerPairs reads the peer's level/rule/operation lines.
func readPeerPairs(file string) (map[string]bool, int) {
	f, err := os.Open(file)
	check(err)
	defer f.Close()
	pairs := map[string]bool{}
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) == 3 && parts[0] == "error" {
			pairs[parts[1]+" "+parts[2]] = true
		}
	}
	check(sc.Err())
	return pairs, n
}

// readOurPairs reads apilint's JSON; only oasdiff's rules are compared,
// since the peer has none of ours.
func readOurPairs(js []byte) (map[string]bool, int) {
	var rep struct {
		Findings []struct {
			Rule       string   `json:"rule"`
			Level      string   `json:"level"`
			Operations []string `json:"operations"`
		} `json:"findings"`
	}
	check(json.Unmarshal(js, &rep))
	ours := map[string]bool{}
	for _, r := range contract.Rules {
		ours[r.ID] = true
	}
	pairs := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Level != "error" || ours[f.Rule] {
			continue
		}
		if len(f.Operations) == 0 {
			pairs[f.Rule+" "] = true
		}
		for _, op := range f.Operations {
			pairs[f.Rule+" "+op] = true
		}
	}
	return pairs, len(rep.Findings)
}

func diffSets(a, b map[string]bool) (onlyA, onlyB []string) {
	for k := range a {
		if !b[k] {
			onlyA = append(onlyA, k)
		}
	}
	for k := range b {
		if !a[k] {
			onlyB = append(onlyB, k)
		}
	}
	sort.Strings(onlyA)
	sort.Strings(onlyB)
	return
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func medianInt(xs []int64) int64 {
	s := append([]int64(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(2)
	}
}
