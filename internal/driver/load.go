package driver

import (
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/apis"
)

// program is what a run loads.
type program struct {
	// pkgs are the packages loaded from source (with their dependencies
	// from export data).
	pkgs []*packages.Package
	// reported holds the IDs of the packages the patterns name.
	reported map[string]bool
	// broken holds the packages that did not load or type-check.
	broken map[*packages.Package]bool
	errors []string
	root   string

	// sources holds the text of every file of the main modules as it was
	// parsed: findings quote it, and --fix checks files against it.
	mu      sync.Mutex
	sources map[string][]byte
}

// content returns the text of filename as analysed, or nil.
func (p *program) content(filename string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sources[filename]
}

// snapshot hashes every file of the main modules as analysed.
func (p *program) snapshot() map[string][sha256.Size]byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string][sha256.Size]byte, len(p.sources))
	for name, src := range p.sources {
		out[name] = sha256.Sum256(src)
	}
	return out
}

const (
	// graphMode learns the import graph and where packages come from.
	graphMode = packages.NeedName | packages.NeedFiles | packages.NeedModule | packages.NeedImports | packages.NeedDeps
	// sourceMode loads the packages that are analyzed from source; their
	// other dependencies come from export data.
	sourceMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
		packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
)

// load resolves the patterns as the go command does, then loads from
// source the packages they name, the other packages of their main modules
// (which may implement their interfaces), and the packages outside the
// standard library they depend on (whose summaries they need).
func load(opts Options) (*program, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if opts.Table == nil {
		opts.Table = apis.Default()
	}
	root := opts.Root
	if root == "" {
		root = FindRoot(absDir)
	}
	prog := &program{
		reported: make(map[string]bool),
		broken:   make(map[*packages.Package]bool),
		root:     root,
		sources:  make(map[string][]byte),
	}
	cfg := &packages.Config{Dir: dir, Env: opts.Env, BuildFlags: opts.BuildFlags}

	// The packages asked for, cheaply: which they are and their modules.
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedModule
	asked, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, loadError(absDir, patterns, err)
	}
	var moduleDirs []string
	seenModule := make(map[string]bool)
	for _, p := range asked {
		if len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 && len(p.Errors) > 0 {
			// A pattern that names no package: go list makes a package of
			// the error. It is an error, not a package.
			for _, e := range p.Errors {
				prog.errors = append(prog.errors, errorLines(absDir, root, p.PkgPath, e)...)
			}
			continue
		}
		prog.reported[p.ID] = true
		if m := p.Module; m != nil && m.Main && m.Dir != "" && !seenModule[m.Dir] {
			seenModule[m.Dir] = true
			moduleDirs = append(moduleDirs, m.Dir)
		}
	}
	if len(prog.reported) == 0 {
		if len(prog.errors) > 0 {
			return nil, fmt.Errorf("%s", strings.Join(prog.errors, "\n"))
		}
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	// Their import graph, with the rest of the main modules, named by
	// directory: a pattern naming the module's import path would make the
	// go command resolve every module of the build list, which go build
	// does not need.
	more := append([]string(nil), patterns...)
	for _, d := range moduleDirs {
		more = append(more, d+string(filepath.Separator)+"...")
	}
	cfg.Mode = graphMode
	graph, err := packages.Load(cfg, more...)
	if err != nil {
		return nil, loadError(absDir, patterns, err)
	}
	fromSource := summarised(graph, opts.Table)

	cfg.Mode = sourceMode
	cfg.ParseFile = func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		if inside(filename, moduleDirs) {
			prog.mu.Lock()
			prog.sources[filename] = src
			prog.mu.Unlock()
		}
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	}
	pkgs, err := packages.Load(cfg, fromSource...)
	if err != nil {
		return nil, loadError(absDir, patterns, err)
	}
	prog.pkgs = pkgs
	// IDs of the first load name the same packages: both loads use the
	// same configuration and no test variants.
	seenErr := make(map[string]bool)
	for _, e := range prog.errors {
		seenErr[e] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 {
			return
		}
		prog.broken[p] = true
		if p.Module == nil || !p.Module.Main {
			return // a dependency's errors are the build's to report
		}
		for _, e := range p.Errors {
			for _, msg := range errorLines(absDir, root, p.PkgPath, e) {
				if !seenErr[msg] {
					seenErr[msg] = true
					prog.errors = append(prog.errors, msg)
				}
			}
		}
	})
	return prog, nil
}

// summarised returns the packages of graph that are loaded from source
// and summarised, sorted: the program's own packages (its main modules,
// and the modules it replaces with a directory: siblings in a monorepo),
// and the dependencies outside the standard library and the libraries the
// tables describe that reach an effectful package (Table.Effectful: a
// database, a datastore, or a library the tables name; the standard
// library's net/http, os/exec and time do not count), directly or through
// their imports. Other dependencies come from export data: what they do
// is theirs. The vet tool makes the same choice package by package
// (cmd/apilint's vetx.go), so both see the same program.
func summarised(graph []*packages.Package, table *apis.Table) []string {
	reaches := make(map[*packages.Package]bool)
	var visit func(p *packages.Package) bool
	visiting := make(map[*packages.Package]bool)
	visit = func(p *packages.Package) bool {
		if r, done := reaches[p]; done || visiting[p] {
			return r
		}
		visiting[p] = true
		r := table.Effectful(p.PkgPath)
		for _, imp := range p.Imports {
			if visit(imp) {
				r = true
			}
		}
		reaches[p] = r
		return r
	}
	chosen := make(map[string]bool)
	packages.Visit(graph, nil, func(p *packages.Package) {
		if p.PkgPath == "" || p.PkgPath == "unsafe" || len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 {
			return
		}
		if p.Module != nil && !apis.Modelled(p.PkgPath) && (ownModule(p.Module) || visit(p)) {
			chosen[p.PkgPath] = true
		}
	})
	out := make([]string, 0, len(chosen))
	for path := range chosen {
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

// inside reports whether file is inside one of dirs.
func inside(file string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(file, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// loadError explains a failure of the go command to list packages.
func loadError(dir string, patterns []string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "go.mod file not found") || strings.Contains(msg, "cannot find main module") {
		return fmt.Errorf("%s is not inside a Go module (no go.mod here or above): run apilint in a module, or name one with -C DIR", dir)
	}
	return fmt.Errorf("loading %s: %w", strings.Join(patterns, " "), err)
}

// FindRoot returns the directory finding paths are relative to for dir:
// the root of the git repository holding it, or else the directory of the
// nearest go.mod, or else dir itself.
func FindRoot(dir string) string {
	mod := ""
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if mod == "" {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				mod = d
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if mod != "" {
		return mod
	}
	return dir
}
