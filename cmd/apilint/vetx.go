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
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/apilint/apilint/internal/apis"
)

// go vet runs its tool on every package a package depends on, standard
// library included, before the package itself, to collect the facts the
// analyzers export ("vetx" files). unitchecker type-checks each one from
// source, bodies and all, and exports its types with its facts. apilint
// exports no facts for
//
//   - the standard library and the libraries its tables describe (their
//     behaviour is in internal/apis, not in summaries), and
//   - the other dependencies that cannot reach an effectful package: they
//     import none (apis.Table.Effectful), and none of their imports was
//     summarised (its vetx file holds no facts),
//
// so for those it only has to pass their types on: it checks their
// declarations without function bodies, which is most of the work, and
// writes the types in the layout unitchecker reads. The apilint command
// makes the same choice (internal/driver: summarised), so that both see
// the same program. The integration tests run go vet -vettool on modules
// whose dependencies take this path.

// vetxConfig is the part of go vet's configuration the fast path reads.
type vetxConfig struct {
	ImportPath  string
	Dir         string
	GoVersion   string
	GoFiles     []string
	ImportMap   map[string]string
	PackageVetx map[string]string
	VetxOnly    bool
	VetxOutput  string
	ModulePath  string
}

// typesOnly reports whether the package go vet describes in cfgFile needs
// no analysis, only its types passed on, and passes them on; done is false
// when the package needs the full analysis (or the fast path failed, in
// which case the full analysis reports why).
func typesOnly(cfgFile string, table *apis.Table) (done bool) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg vetxConfig
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly || cfg.VetxOutput == "" {
		return false
	}
	if !isStandard(&cfg) && !apis.Modelled(cfg.ImportPath) && (isOwn(&cfg) || reaches(&cfg, table)) {
		return false
	}
	return writeTypes(&cfg) == nil
}

// isOwn reports whether cfg describes a package of the program's own code:
// outside the module cache and vendor directories (a main module, or a
// module it replaces with a directory).
func isOwn(cfg *vetxConfig) bool {
	dir := cfg.Dir
	if dir == "" && len(cfg.GoFiles) > 0 {
		dir = filepath.Dir(cfg.GoFiles[0])
	}
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
func reaches(cfg *vetxConfig, table *apis.Table) bool {
	for _, path := range cfg.ImportMap {
		if table.Effectful(path) {
			return true
		}
	}
	for _, file := range cfg.PackageVetx {
		if _, facts, err := readVetx(file); err != nil || facts > 0 {
			return true
		}
	}
	return false
}

// isStandard reports whether cfg describes a package of the standard
// library: no module, and its files in GOROOT.
func isStandard(cfg *vetxConfig) bool {
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
func writeTypes(cfg *vetxConfig) error {
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
		file, ok := cfg.PackageVetx[path]
		if !ok {
			return nil, fmt.Errorf("no vetx file for %q", path)
		}
		typesData, _, err := readVetx(file)
		if err != nil {
			return nil, err
		}
		return gcexportdata.Read(bytes.NewReader(typesData), fset, imports, path)
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
	var exported bytes.Buffer
	if err := gcexportdata.Write(&exported, fset, pkg); err != nil {
		return err
	}
	typesData := exported.Bytes()[1:] // gcexportdata's format byte; vetx files hold the data after it
	var out bytes.Buffer
	out.WriteString(vetxMagic)
	binary.Write(&out, binary.LittleEndian, uint32(len(typesData)))
	binary.Write(&out, binary.LittleEndian, uint32(0)) // no facts
	out.Write(typesData)
	return os.WriteFile(cfg.VetxOutput, out.Bytes(), 0o666)
}

// readVetx returns a vetx file's types, as gcexportdata reads them, and
// the length of its facts.
func readVetx(file string) (typesData []byte, facts int, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, 0, err
	}
	if len(data) < 12 || string(data[:4]) != vetxMagic {
		return nil, 0, fmt.Errorf("%s: not a vetx file", file)
	}
	n := binary.LittleEndian.Uint32(data[4:8])
	f := binary.LittleEndian.Uint32(data[8:12])
	if uint64(12)+uint64(n)+uint64(f) > uint64(len(data)) {
		return nil, 0, fmt.Errorf("%s: truncated vetx file", file)
	}
	out := make([]byte, 0, n+1)
	out = append(out, 'i') // gcexportdata's tag for the indexed format
	return append(out, data[12:12+n]...), int(f), nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
