package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/driver"
)

// How go vet is talking to us, as unitchecker's protocol defines it.
const (
	notVet          = iota
	vetVersionQuery // -V=full: describe the executable, for go vet's cache
	vetFlagsQuery   // -flags: describe the flags in JSON
	vetPackage      // [flags] path/to/vet.cfg: analyze one package
)

// vetMode tells whether args are go vet's: exactly -V=full or -flags, or
// flags (-name=value, or -name value as typed on go vet's command line)
// followed by one argument that names a vet configuration file (a JSON
// file written by go vet). apilint --config my.cfg or
// --write-baseline base.cfg stay the apilint command.
func vetMode(args []string) int {
	if len(args) == 1 {
		switch args[0] {
		case "-V=full", "-V":
			return vetVersionQuery
		case "-flags":
			return vetFlagsQuery
		}
	}
	if len(args) == 0 {
		return notVet
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") || strings.HasPrefix(last, "-") {
		return notVet
	}
	flags := args[:len(args)-1]
	for i, a := range flags {
		switch {
		case strings.HasPrefix(a, "--"):
			return notVet // a flag of the apilint command
		case strings.HasPrefix(a, "-"):
		case i > 0 && strings.HasPrefix(flags[i-1], "-") && !strings.Contains(flags[i-1], "="):
			// The value of the flag before it, in the two-word form go
			// vet forwards as it was typed: go vet -tags test.
		default:
			return notVet // an argument
		}
	}
	if _, err := readVetConfig(last); err != nil {
		return notVet
	}
	return vetPackage
}

// vetConfig is the part of go vet's package configuration apilint reads.
type vetConfig struct {
	ID, ImportPath, Dir string
	Compiler            string
	GoVersion           string
	GoFiles             []string
	ImportMap           map[string]string
	PackageFile         map[string]string
	PackageVetx         map[string]string
	VetxOnly            bool
	VetxOutput          string
	ModulePath          string
}

// dir returns the package's directory: Dir, or that of its first file.
func (cfg *vetConfig) dir() string {
	if cfg.Dir == "" && len(cfg.GoFiles) > 0 {
		return filepath.Dir(cfg.GoFiles[0])
	}
	return cfg.Dir
}

// factsOnly reports whether go vet asks only for the package's facts
// (and types), written to VetxOutput: no diagnostics.
func (cfg *vetConfig) factsOnly() bool {
	return cfg.VetxOnly && cfg.VetxOutput != ""
}

// readVetConfig reads a go vet .cfg file; it is one only if it parses as
// JSON naming a package.
func readVetConfig(path string) (*vetConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg vetConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, err
	}
	if cfg.ImportPath == "" {
		return nil, fmt.Errorf("%s: not a go vet configuration", path)
	}
	return &cfg, nil
}

// vetMain runs the analyzers as go vet's tool: the configuration found
// from the package's directory (or -effects.config), resolved as every
// driver resolves it, then unitchecker, which parses the command line's
// analyzer flags over the file's and does not return.
func vetMain(rules []analyzers.Rule, mode int, args []string, stderr io.Writer) int {
	// -flags describes the flags, whatever the configuration says.
	settings := &config.Settings{}
	var cfg *vetConfig // nil for -flags
	cfgFile := args[len(args)-1]
	if mode == vetPackage {
		tuneVetGC()
		var err error
		if cfg, err = readVetConfig(cfgFile); err != nil {
			fmt.Fprintln(stderr, "apilint: "+err.Error())
			return exitError
		}
		if standardTypes(cfg) {
			return exitClean
		}
		src := config.Source{Path: flagValue(args, "effects.config"), Dir: cfg.dir()}
		if !ownDir(src.Dir) {
			// A dependency's directory holds no .apilint.yml of the
			// program's: the one go vet was started under applies.
			src.Dir = vetWorkDir()
		}
		if settings, err = config.Resolve(src); err != nil {
			fmt.Fprintln(stderr, "apilint: "+err.Error())
			return exitError
		}
		if typesOnly(cfg, settings.Table) {
			return exitClean
		}
	}
	out := settings.FindingOptions()
	out.LevelInMessage = true
	set := analyzers.Build(rules, analyzers.Options{Table: settings.Table(), Findings: out})
	if err := settings.Apply(set.Configurable()); err != nil {
		fmt.Fprintln(stderr, "apilint: "+err.Error())
		return exitError
	}
	var as []*analysis.Analyzer
	for _, a := range set.Rules {
		if on, ok := settings.Enabled(a.Name); ok && !on {
			a = disabled(a)
		}
		as = append(as, a)
	}
	as = append(as, set.Effects, set.Directives)
	driver.Guard(as)
	if cfg != nil {
		file, err := supplyTypes(cfgFile, cfg)
		if err != nil {
			fmt.Fprintln(stderr, "apilint: "+err.Error())
			return exitError
		}
		os.Args[len(os.Args)-1] = file
	}
	unitchecker.Main(as...)
	return exitClean // not reached
}

// disabled returns a stand-in for an analyzer the configuration turns off:
// same name and flags, so that the command line may still set them, but
// it analyzes nothing.
func disabled(a *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:  a.Name,
		Doc:   a.Doc,
		URL:   a.URL,
		Flags: a.Flags,
		Run:   func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// flagValue returns the value of -name=value (or --name=value, or -name
// value) in args, or "".
func flagValue(args []string, name string) string {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v
		}
		if a == name && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// vetWorkDir returns the directory go vet was started in: the go command's
// working directory, which it does not pass on (it runs the tool in each
// package's directory). Only Linux shows another process's directory
// without running a program; elsewhere, name the configuration with
// $APILINT_CONFIG for it to apply to dependencies. "" when unknown.
func vetWorkDir() string {
	if runtime.GOOS != "linux" {
		return ""
	}
	dir, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", os.Getppid()))
	if err != nil {
		return ""
	}
	return dir
}
