package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/config"
)

// loadConfig returns the configuration at path, or the one found from dir
// upward; nil when there is none.
func loadConfig(path, dir string) (*config.File, error) {
	if path == "" {
		if dir == "" {
			dir = "."
		}
		path = config.Find(dir)
		if path == "" {
			return nil, nil
		}
	}
	return config.Load(path)
}

// vetConfig applies .apilint.yml under go vet: from -effects.config, or
// found upward from the directory of the package being analyzed (named
// in the .cfg file go vet passes). Flags on the command line win, since
// unitchecker parses them afterwards.
func vetConfig(args []string, as []*analysis.Analyzer) error {
	path, dir := "", ""
	given := make(map[string]bool)
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			if strings.HasSuffix(a, ".cfg") {
				dir = vetPackageDir(a)
			}
			continue
		}
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		given[name] = true
		if name == "effects.config" {
			path = value
		}
	}
	if dir == "" && path == "" {
		return nil // -V=full, -flags
	}
	cfg, err := loadConfig(path, dir)
	if err != nil || cfg == nil {
		return err
	}
	return cfg.Apply(as, func(q string) bool { return given[q] })
}

// vetPackageDir reads the package directory from a go vet .cfg file.
func vetPackageDir(cfgFile string) string {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return ""
	}
	var cfg struct {
		Dir     string
		GoFiles []string
	}
	if json.Unmarshal(data, &cfg) != nil {
		return ""
	}
	if cfg.Dir != "" {
		return cfg.Dir
	}
	if len(cfg.GoFiles) > 0 {
		return filepath.Dir(cfg.GoFiles[0])
	}
	return ""
}

// vetVersion answers go vet's -V=full. go vet keys its cache on the
// answer, so besides the executable it hashes the configuration file
// found from the working directory: editing .apilint.yml must re-run the
// analysis, not replay cached results.
func vetVersion(stdout io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if path := config.Find("."); path != "" {
		if data, err := os.ReadFile(path); err == nil {
			h.Write([]byte(path))
			h.Write(data)
		}
	}
	_, err = fmt.Fprintf(stdout, "%s version devel comments-go-here buildID=%02x\n", filepath.Base(exe), h.Sum(nil))
	return err
}
