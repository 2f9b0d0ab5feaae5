// Command scale measures how apilint's cost grows with call depth and
// program size, on generated modules: a chain of N functions, each calling
// the next, the last one querying a database inside a loop's reach; and M
// functions in short chains (handler → service → store), spread over
// packages of 500. It prints, for each, the apilint process's CPU time
// (user + system, the go list it runs included) and peak memory, after
// go build ./... has warmed the build cache. Beside each, the floor: the
// same measures for bench/scale/floor, which loads the packages as the
// standalone driver does (syntax and types from source) and runs no
// analyzer, so that what apilint adds to go/packages and go/types shows.
//
//	go run ./bench/scale [-apilint path] [-depths 500,1000,2000,4000] [-funcs 5000,20000]
//
// Targets (issue 16): a 4,000-deep chain and 20,000 functions each under
// 2 s of CPU and 300 MB.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("apilint", "", "apilint binary (default: build this repository's)")
	depths := flag.String("depths", "500,1000,2000,4000", "chain depths")
	funcs := flag.String("funcs", "5000,20000", "function counts in short chains")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "apilint-scale-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "apilint")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/apilint")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			log.Fatal(err)
		}
	}
	floor := filepath.Join(tmp, "floor")
	build := exec.Command("go", "build", "-o", floor, "./bench/scale/floor")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-28s %10s %10s %10s %8s   %10s %10s\n", "module", "cpu", "wall", "peak MB", "findings", "floor cpu", "floor MB")
	for _, d := range ints(*depths) {
		dir := filepath.Join(tmp, fmt.Sprintf("deep%d", d))
		writeDeep(dir, d)
		measure(*bin, floor, dir, fmt.Sprintf("chain of %d calls", d))
	}
	for _, n := range ints(*funcs) {
		dir := filepath.Join(tmp, fmt.Sprintf("wide%d", n))
		writeWide(dir, n)
		measure(*bin, floor, dir, fmt.Sprintf("%d functions", n))
	}
}

func ints(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

func write(path, content string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
}

// writeDeep writes a module whose handler loops over rows and calls f0,
// which calls f1, ..., which calls f(n-1), which queries the database.
func writeDeep(dir string, n int) {
	write(filepath.Join(dir, "go.mod"), "module example.com/deep\n\ngo 1.26\n")
	var b strings.Builder
	b.WriteString("package deep\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n\n")
	b.WriteString("func Loop(ctx context.Context, db *sql.DB, ids []int64) {\n\tfor _, id := range ids {\n\t\tF0(ctx, db, id)\n\t}\n}\n\n")
	for i := 0; i < n-1; i++ {
		fmt.Fprintf(&b, "func F%d(ctx context.Context, db *sql.DB, id int64) error { return F%d(ctx, db, id) }\n\n", i, i+1)
	}
	fmt.Fprintf(&b, "func F%d(ctx context.Context, db *sql.DB, id int64) error {\n\treturn db.QueryRowContext(ctx, \"SELECT name FROM t WHERE id = $1\", id).Err()\n}\n", n-1)
	write(filepath.Join(dir, "deep.go"), b.String())
}

// writeWide writes n functions in chains of three: H calls S calls Q,
// which queries, n/3 times, 500 functions to a package.
func writeWide(dir string, n int) {
	write(filepath.Join(dir, "go.mod"), "module example.com/wide\n\ngo 1.26\n")
	const perPkg = 500
	for p := 0; p*perPkg < n; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "package p%d\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n\n", p)
		for i := p * perPkg; i < min(n, (p+1)*perPkg)-2; i += 3 {
			fmt.Fprintf(&b, "func H%d(ctx context.Context, db *sql.DB, ids []int64) {\n\tfor _, id := range ids {\n\t\tS%d(ctx, db, id)\n\t}\n}\n\n", i, i)
			fmt.Fprintf(&b, "func S%d(ctx context.Context, db *sql.DB, id int64) error { return Q%d(ctx, db, id) }\n\n", i, i)
			fmt.Fprintf(&b, "func Q%d(ctx context.Context, db *sql.DB, id int64) error {\n\treturn db.QueryRowContext(ctx, \"SELECT 1 FROM t WHERE id = $1\", id).Err()\n}\n\n", i)
		}
		write(filepath.Join(dir, fmt.Sprintf("p%d", p), "p.go"), b.String())
	}
}

func measure(bin, floor, dir, name string) {
	// As in bench/vet, the build cache is warmed first: go list compiles
	// the packages it describes, which is the build's cost, not apilint's.
	warm := exec.Command("go", "build", "./...")
	warm.Dir, warm.Stderr = dir, os.Stderr
	if err := warm.Run(); err != nil {
		log.Fatalf("%s: go build: %v", name, err)
	}
	out, cpu, wall, peak := run(dir, bin, "--format", "json", "./...")
	_, fcpu, _, fpeak := run(dir, floor, "./...")
	fmt.Printf("%-28s %9.2fs %9.2fs %10d %8d   %9.2fs %10d\n", name, cpu.Seconds(), wall.Seconds(), peak,
		strings.Count(string(out), `"rule":`), fcpu.Seconds(), fpeak)
}

// run runs a command in dir and returns its output, CPU time (user +
// system, its children included), wall time and peak memory in MB.
func run(dir, bin string, args ...string) ([]byte, time.Duration, time.Duration, int64) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() != 1 {
		log.Fatalf("%s %v: %v\n%s", bin, args, err, ee.Stderr)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return out, cpu, wall, ru.Maxrss / 1024
}
