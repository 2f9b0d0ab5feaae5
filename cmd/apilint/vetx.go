package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/apilint/apilint/internal/apis"
)

// go vet runs its tool on every package a package depends on, standard
// library included, before the package itself, to collect the facts the
// analyzers export ("vetx" files, which also carry the package's types
// for the packages that import it). unitchecker type-checks each one from
// source, bodies and all. apilint exports no facts for
//
//   - the standard library and the libraries its tables describe (their
//     behaviour is in internal/apis, not in summaries), and
//   - the other dependencies that cannot reach an effectful package: they
//     import none (apis.Table.Effectful), and none of their imports was
//     summarised (its vetx file holds no facts),
//
// so it does not load those at all: go vet has compiled every dependency
// already and names the compiler's export data of each import in the
// configuration (PackageFile), so their vetx files are left empty
// (no types, no facts), and a package that is analysed takes the types
// of its imports from the compiler's export data (supplyTypes). Where go
// vet names no export data (another compiler), such a package's
// declarations are checked without function bodies and its types written
// as unitchecker does (writeTypes). The apilint command makes the same
// choice of packages (internal/driver: summarised), so that both see the
// same program. The integration tests run go vet -vettool on modules
// whose dependencies take this path.

// standardTypes answers go vet for a standard-library package when it
// asks only for facts, and reports whether it did. Most of go vet's calls
// are for such packages, so this path reads no configuration and builds
// no table: the standard library's behaviour is in the tables, which the
// packages that call it consult.
func standardTypes(cfg *vetConfig) (done bool) {
	return cfg.factsOnly() && isStandard(cfg) && passTypes(cfg) == nil
}

// typesOnly reports whether the package go vet describes in cfg needs
// no analysis, only its types passed on, and passes them on; done is false
// when the package needs the full analysis (or the fast path failed, in
// which case the full analysis reports why). table is called only when
// the package's imports must be looked up in it.
func typesOnly(cfg *vetConfig, table func() *apis.Table) (done bool) {
	if !cfg.factsOnly() {
		return false
	}
	if !isStandard(cfg) && !apis.Modelled(cfg.ImportPath) && (ownDir(cfg.dir()) || reaches(cfg, table())) {
		return false
	}
	return passTypes(cfg) == nil
}

// passTypes writes the vetx file of a package that exports no facts: an
// empty one when the packages that import it will find its types in the
// compiler's export data, its checked declarations otherwise.
func passTypes(cfg *vetConfig) error {
	if compiled(cfg) {
		return writeVetx(cfg.VetxOutput, nil, nil)
	}
	return writeTypes(cfg)
}

// compiled reports whether go vet names the compiler's export data of
// every import of the package, as the gc toolchain's go vet does: then it
// will name the package's own for the packages that import it.
func compiled(cfg *vetConfig) bool {
	if cfg.Compiler != "gc" {
		return false
	}
	for _, path := range cfg.ImportMap {
		if path == "unsafe" || path == "C" {
			continue
		}
		if cfg.PackageFile[path] == "" {
			return false
		}
	}
	return true
}

// ownDir reports whether dir holds a package of the program's own code:
// outside the module cache and vendor directories (a main module, or a
// module it replaces with a directory). An unknown directory counts as
// the program's.
func ownDir(dir string) bool {
	if dir == "" {
		return true
	}
	slash := filepath.ToSlash(dir)
	return !strings.HasPrefix(dir, moduleCache()+string(filepath.Separator)) && !strings.Contains(slash, "/vendor/")
}

// moduleCache returns the module cache directory, as the go command
// computes it.
func moduleCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		gopath = build.Default.GOPATH
	}
	return filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
}

// reaches reports whether the package imports an effectful package, or
// one that was summarised (its vetx file holds facts).
func reaches(cfg *vetConfig, table *apis.Table) bool {
	for _, path := range cfg.ImportMap {
		if table.Effectful(path) {
			return true
		}
	}
	for _, file := range cfg.PackageVetx {
		if _, facts, err := readVetx(file); err != nil || len(facts) > 0 {
			return true
		}
	}
	return false
}

// isStandard reports whether cfg describes a package of the standard
// library: no module, and its files in GOROOT.
func isStandard(cfg *vetConfig) bool {
	if cfg.ModulePath != "" || len(cfg.GoFiles) == 0 {
		return false
	}
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(cfg.GoFiles[0], root)
}

// vetxMagic starts unitchecker's vetx files, which hold the package's
// types (indexed export data) and then its facts, each length-prefixed.
const vetxMagic = "vetx"

// writeTypes checks the package's declarations and writes its vetx file
// with its types and no facts.
func writeTypes(cfg *vetConfig) error {
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(cfg.GoFiles))
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	imports := make(map[string]*types.Package)
	importer := importerFunc(func(path string) (*types.Package, error) {
		if p, ok := cfg.ImportMap[path]; ok {
			path = p
		}
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if p := imports[path]; p != nil && p.Complete() {
			return p, nil
		}
		return importTypes(cfg, fset, imports, path)
	})
	conf := types.Config{
		Importer:         importer,
		Sizes:            types.SizesFor("gc", build.Default.GOARCH),
		GoVersion:        cfg.GoVersion,
		IgnoreFuncBodies: true,
		Error:            func(error) {}, // the first error is returned
	}
	pkg, err := conf.Check(cfg.ImportPath, fset, files, nil)
	if err != nil {
		return err
	}
	typesData, err := exportTypes(fset, pkg)
	if err != nil {
		return err
	}
	return writeVetx(cfg.VetxOutput, typesData, nil)
}

// exportTypes returns pkg's types as vetx files hold them.
func exportTypes(fset *token.FileSet, pkg *types.Package) ([]byte, error) {
	var exported bytes.Buffer
	if err := gcexportdata.Write(&exported, fset, pkg); err != nil {
		return nil, err
	}
	return exported.Bytes()[1:], nil // gcexportdata's format byte; vetx files hold the data after it
}

// writeVetx writes a vetx file: the magic, the two lengths, the types and
// the facts.
func writeVetx(file string, typesData, facts []byte) error {
	var out bytes.Buffer
	out.WriteString(vetxMagic)
	binary.Write(&out, binary.LittleEndian, uint32(len(typesData)))
	binary.Write(&out, binary.LittleEndian, uint32(len(facts)))
	out.Write(typesData)
	out.Write(facts)
	return os.WriteFile(file, out.Bytes(), 0o666)
}

// importTypes reads the types of the import path from its vetx file, or,
// when that holds none (passTypes), from the compiler's export data.
func importTypes(cfg *vetConfig, fset *token.FileSet, imports map[string]*types.Package, path string) (*types.Package, error) {
	if file, ok := cfg.PackageVetx[path]; ok {
		typesData, _, err := readVetx(file)
		if err != nil {
			return nil, err
		}
		if len(typesData) > 0 {
			return gcexportdata.Read(bytes.NewReader(typesData), fset, imports, path)
		}
	}
	file, ok := cfg.PackageFile[path]
	if !ok {
		return nil, fmt.Errorf("no types for %q: go vet named neither a vetx file nor export data", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return gcexportdata.Read(r, fset, imports, path)
}

// readVetx returns a vetx file's types, as gcexportdata reads them (empty
// when the file holds none), and its facts.
func readVetx(file string) (typesData, facts []byte, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	if len(data) < 12 || string(data[:4]) != vetxMagic {
		return nil, nil, fmt.Errorf("%s: not a vetx file", file)
	}
	n := binary.LittleEndian.Uint32(data[4:8])
	f := binary.LittleEndian.Uint32(data[8:12])
	if uint64(12)+uint64(n)+uint64(f) > uint64(len(data)) {
		return nil, nil, fmt.Errorf("%s: truncated vetx file", file)
	}
	facts = data[12+n : 12+n+f]
	if n == 0 {
		return nil, facts, nil
	}
	typesData = make([]byte, 0, n+1)
	typesData = append(typesData, 'i') // gcexportdata's tag for the indexed format
	return append(typesData, data[12:12+n]...), facts, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// supplyTypes prepares go vet's configuration for a package apilint
// analyses. unitchecker reads the types of each import from its vetx
// file, and the imports that passTypes left empty have none: their types
// are read from the compiler's export data and written, with their facts,
// to vetx files beside the configuration (go vet's work directory for
// the package, which it removes), and a copy of the configuration names
// them. It returns the configuration file unitchecker is to read:
// cfgFile itself when every import has its types.
func supplyTypes(cfgFile string, cfg *vetConfig) (string, error) {
	paths := make([]string, 0, len(cfg.PackageVetx))
	for path := range cfg.PackageVetx {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	dir := filepath.Dir(cfgFile)
	fset := token.NewFileSet()
	imports := make(map[string]*types.Package)
	vetx := make(map[string]string, len(cfg.PackageVetx))
	supplied := 0
	for _, path := range paths {
		file := cfg.PackageVetx[path]
		vetx[path] = file
		typesData, facts, err := readVetx(file)
		if err != nil || len(typesData) > 0 {
			continue // unitchecker reports a bad file
		}
		pkg, err := importTypes(cfg, fset, imports, path)
		if err != nil {
			return "", err
		}
		exported, err := exportTypes(fset, pkg)
		if err != nil {
			return "", fmt.Errorf("writing the types of %s: %v", path, err)
		}
		supplied++
		out := filepath.Join(dir, fmt.Sprintf("apilint-types-%d.vetx", supplied))
		if err := writeVetx(out, exported, facts); err != nil {
			return "", err
		}
		vetx[path] = out
	}
	if supplied == 0 {
		return cfgFile, nil
	}
	// A copy of the file, every field kept, for unitchecker.
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return "", fmt.Errorf("%s: %v", cfgFile, err)
	}
	if fields["PackageVetx"], err = json.Marshal(vetx); err != nil {
		return "", err
	}
	if data, err = json.Marshal(fields); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "apilint-vet.cfg")
	return out, os.WriteFile(out, data, 0o666)
}
