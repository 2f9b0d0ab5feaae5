package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/apilint/apilint/internal/config"
)

// vetVersion answers go vet's -V=full. go vet keys its cache of every
// package's results on this answer (and on the flags, but not on the
// content of files they name), so the answer hashes the executable and
// every configuration the vet tool may read: the .apilint.yml files of the
// module (each package reads the one above its directory) and above it,
// the file in $APILINT_CONFIG, and the one go vet was given with
// -effects.config. Editing any of them re-runs the analysis instead of
// replaying cached results.
func vetVersion(args []string, stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "apilint: "+err.Error())
		return exitError
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		fmt.Fprintln(stderr, "apilint: "+err.Error())
		return exitError
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		fmt.Fprintln(stderr, "apilint: "+err.Error())
		return exitError
	}
	for _, path := range vetConfigFiles() {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
	}
	_, err = fmt.Fprintf(stdout, "%s version devel comments-go-here buildID=%02x\n", filepath.Base(exe), h.Sum(nil))
	if err != nil {
		return exitError
	}
	return exitClean
}

// vetConfigFiles lists the configuration files a go vet run started in
// the working directory may read, sorted.
func vetConfigFiles() []string {
	seen := make(map[string]bool)
	add := func(p string) {
		if p == "" {
			return
		}
		if abs, err := filepath.Abs(p); err == nil {
			seen[abs] = true
		}
	}
	add(config.Find("."))
	add(os.Getenv(config.EnvVar))
	add(flagValue(parentArgs(), "effects.config"))
	if root := moduleRoot("."); root != "" {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				name := d.Name()
				if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
					name == "vendor" || name == "testdata" || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			for _, n := range config.Names {
				if d.Name() == n {
					add(path)
				}
			}
			return nil
		})
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// moduleRoot returns the directory of the go.mod at or above dir, or "".
func moduleRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && st.Mode().IsRegular() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// parentArgs returns the command line of the process that started this
// one: for -V=full, the go command, whose arguments hold the
// -effects.config the packages will be given. The vet tool protocol
// passes no flags with -V=full, so this is the only way to see them. Only
// Linux exposes it without running another program; elsewhere it returns
// nil, and $APILINT_CONFIG is the way to name a file outside the module.
func parentArgs() []string {
	if runtime.GOOS != "linux" {
		return nil
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", os.Getppid()))
	if err != nil {
		return nil
	}
	var args []string
	for _, a := range bytes.Split(bytes.TrimRight(data, "\x00"), []byte{0}) {
		args = append(args, string(a))
	}
	return args
}
