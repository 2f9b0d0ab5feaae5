// Package example locates the example service under testdata/example and
// reads the findings every mode must report on it (expected.txt), for the
// integration tests of the apilint command and the golangci-lint plugins.
package example

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Dir returns the example service's directory.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "example")
}

// Expected returns the lines of expected.txt, "file:line: rule", sorted.
func Expected() ([]string, error) {
	f, err := os.Open(filepath.Join(Dir(), "expected.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out, sc.Err()
}
