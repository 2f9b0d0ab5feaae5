// Command vet times apilint against plain go vet on one module, in one
// run: go vet ./..., go vet -vettool=apilint ./..., and apilint ./...
// (standalone). Before every timed command it empties the build cache
// (a fresh GOCACHE) and warms it with go build ./..., so each tool starts
// from the same compiled dependencies and none reuses its own earlier
// results. It prints the median wall time and peak memory of each, and
// their ratios to plain go vet.
//
//	go run ./bench/vet [-n 5] [-apilint path] [module dir]
//
// The module defaults to this repository.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

type sample struct {
	wall   time.Duration
	maxRSS int64 // bytes, largest process of the command's tree
}

func main() {
	n := flag.Int("n", 5, "runs of each command")
	bin := flag.String("apilint", "", "apilint binary (default: build this repository's)")
	flag.Parse()
	dir := "."
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "apilint-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "apilint")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/apilint")
		build.Dir = repoRoot()
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			log.Fatalf("building apilint: %v", err)
		}
	}

	commands := []struct {
		name string
		args []string
	}{
		{"go vet", []string{"go", "vet", "./..."}},
		{"go vet -vettool=apilint", []string{"go", "vet", "-vettool=" + *bin, "./..."}},
		{"apilint (standalone)", []string{*bin, "./..."}},
	}
	results := make([][]sample, len(commands))
	for run := 0; run < *n; run++ {
		for i, c := range commands { // interleaved, so drift hits all alike
			cache := filepath.Join(tmp, fmt.Sprintf("gocache-%d-%d", run, i))
			env := append(os.Environ(), "GOCACHE="+cache)
			warm := exec.Command("go", "build", "./...")
			warm.Dir, warm.Env, warm.Stderr = dir, env, os.Stderr
			if err := warm.Run(); err != nil {
				log.Fatalf("warming the build cache: %v", err)
			}
			s, err := measure(dir, env, c.args)
			if err != nil {
				log.Fatalf("%s: %v", c.name, err)
			}
			results[i] = append(results[i], s)
			os.RemoveAll(cache)
		}
	}

	fmt.Printf("module %s, %d runs each, median wall time and peak RSS\n\n", dir, *n)
	fmt.Printf("%-26s %10s %10s %12s %10s\n", "command", "wall", "× go vet", "peak RSS", "× go vet")
	base := median(results[0])
	for i, c := range commands {
		m := median(results[i])
		fmt.Printf("%-26s %9.2fs %9.2f× %9.0f MiB %9.2f×\n", c.name,
			m.wall.Seconds(), m.wall.Seconds()/base.wall.Seconds(),
			float64(m.maxRSS)/(1<<20), float64(m.maxRSS)/float64(base.maxRSS))
	}
}

// measure runs args in dir and returns its wall time and peak RSS. Exit
// status 1 (findings) is not an error.
func measure(dir string, env, args []string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir, cmd.Env = dir, env
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return sample{}, err
	}
	// wait4's rusage covers the child and the descendants it waited for;
	// ru_maxrss is the largest of them, in KiB on Linux.
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{wall: wall, maxRSS: ru.Maxrss * 1024}, nil
}

func median(s []sample) sample {
	walls := make([]time.Duration, len(s))
	rss := make([]int64, len(s))
	for i, x := range s {
		walls[i], rss[i] = x.wall, x.maxRSS
	}
	slices.Sort(walls)
	slices.Sort(rss)
	return sample{wall: walls[len(walls)/2], maxRSS: rss[len(rss)/2]}
}

// repoRoot is the apilint checkout this program is run from.
func repoRoot() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		log.Fatalf("finding the apilint module: %v", err)
	}
	return string(out[:len(out)-1])
}
