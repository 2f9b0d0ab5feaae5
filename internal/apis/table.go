package apis

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"
)

type key struct{ pkg, recv, name string }

// Table is the knowledge one run uses: the builtin tables, extended by
// the user's configuration. It is built once, before analysis starts, and
// never changes afterwards, so analyses running in parallel share it.
type Table struct {
	calls map[key]*Call
	// pagination and pageSize hold normalised parameter names.
	pagination, pageSize map[string]bool
	interfaces           []string
	registrars           map[key]*Registrar
	requestParams        []RequestParam
	// effectfulPkgs caches Effectful's set.
	effectfulOnce sync.Once
	effectfulPkgs map[string]bool
}

// Extensions is what a configuration adds to, or replaces in, the
// builtin knowledge.
type Extensions struct {
	// Calls are added to the builtin calls; an entry with the key of a
	// builtin one replaces it.
	Calls []Call
	// PaginationParams, when set, replace PaginationParams.
	PaginationParams []string
	// Interfaces, when set, replace InterfaceSuffixes.
	Interfaces []string
	// Registrars and RequestParams add a service's own routers and
	// request types to the handler model.
	Registrars    []Registrar
	RequestParams []RequestParam
}

// New returns the table of the builtin knowledge extended by ext.
func New(ext Extensions) *Table {
	calls := make([]Call, len(ext.Calls))
	for i, c := range ext.Calls {
		c.Bound = boundOf(c)
		calls[i] = c
	}
	t := NewTable(Builtin(), calls)
	if ext.PaginationParams != nil {
		t.pagination = nameSet(ext.PaginationParams)
	}
	if ext.Interfaces != nil {
		t.interfaces = append([]string(nil), ext.Interfaces...)
	}
	t.addRegistrars(ext.Registrars...)
	t.requestParams = append(t.requestParams, ext.RequestParams...)
	return t
}

// RequestParamOf is the package's RequestParamOf, with the types the
// configuration adds.
func (t *Table) RequestParamOf(typ types.Type) *RequestParam {
	if p := RequestParamOf(typ); p != nil {
		return p
	}
	for i := range t.requestParams {
		p := &t.requestParams[i]
		if p.Type.Matches(typ) || p.Type.Matches(Deref(typ)) {
			return p
		}
	}
	return nil
}

// NewTable returns a table holding calls (later entries replace earlier
// ones with the same key) and the builtin parameter names and interface
// suffixes.
func NewTable(calls ...[]Call) *Table {
	t := &Table{
		calls:      make(map[key]*Call),
		pagination: nameSet(PaginationParams),
		pageSize:   nameSet(PageSizeParams),
		interfaces: InterfaceSuffixes,
	}
	for _, group := range calls {
		t.add(group...)
	}
	t.registrars = make(map[key]*Registrar)
	t.addRegistrars(Registrars...)
	return t
}

// addRegistrars indexes registrars by package, receiver and name.
func (t *Table) addRegistrars(regs ...Registrar) {
	for i := range regs {
		r := &regs[i]
		recvs := r.Recvs
		if len(recvs) == 0 {
			recvs = []string{""}
		}
		for _, recv := range recvs {
			for _, name := range r.Names {
				t.registrars[key{r.Pkg, recv, name}] = r
			}
		}
	}
}

// Registrar returns the registrar pkg.recv.name, or nil.
func (t *Table) Registrar(pkg, recv, name string) *Registrar {
	return t.registrars[key{pkg, recv, name}]
}

// IsPagination reports whether name is a pagination parameter.
func (t *Table) IsPagination(name string) bool { return t.pagination[normalName(name)] }

// IsPageSize reports whether name sets the page size.
func (t *Table) IsPageSize(name string) bool { return t.pageSize[normalName(name)] }

// InterfaceSuffixes returns the interface name suffixes of the naming
// heuristic (see internal/effects).
func (t *Table) InterfaceSuffixes() []string { return t.interfaces }

func nameSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[normalName(n)] = true
	}
	return set
}

// add adds or replaces entries.
func (t *Table) add(calls ...Call) {
	for i := range calls {
		c := calls[i]
		t.calls[key{c.Pkg, c.Recv, c.Name}] = &c
	}
}

// Len returns the number of entries.
func (t *Table) Len() int { return len(t.calls) }

// Lookup returns the entry for fn called on a receiver of static type
// recv (nil for functions). An entry for the static receiver type wins
// over one for the declaring type, so that a method promoted from an
// embedded type or interface can mean something else on the outer type
// (a Redis command on a pipeline is queued, not sent).
func (t *Table) Lookup(fn *types.Func, recv types.Type) *Call {
	if fn == nil {
		return nil
	}
	name := fn.Name()
	if recv != nil {
		if pkg, r := NamedOf(Deref(recv)); r != "" {
			if c := t.find(pkg, r, name); c != nil {
				return c
			}
		}
	}
	pkg, r, _ := FuncKey(fn)
	if c := t.find(pkg, r, name); c != nil {
		return c
	}
	return t.generated(fn, r, name)
}

// generated matches methods of code generators' clients (ent).
func (t *Table) generated(fn *types.Func, recv, name string) *Call {
	if recv == "" || fn.Pkg() == nil {
		return nil
	}
	imports := func(path string) bool {
		for _, p := range fn.Pkg().Imports() {
			if p.Path() == path {
				return true
			}
		}
		return false
	}
	if k, ok := generatedKind(imports, recv, name); ok {
		c := &Call{Pkg: fn.Pkg().Path(), Recv: recv, Name: name, Kind: k, Generated: true}
		if k == ReadMany && slices.Contains(generatedBoundMethods, name) {
			c.Bound = BoundChain
		}
		return c
	}
	return nil
}

func (t *Table) find(pkg, recv, name string) *Call {
	if c := t.findExact(pkg, recv, name); c != nil {
		return c
	}
	if root := moduleRoot(pkg); root != pkg && contains(AnyMajor, root) {
		return t.findExact(root, recv, name)
	}
	return nil
}

func (t *Table) findExact(pkg, recv, name string) *Call {
	if c := t.calls[key{pkg, recv, name}]; c != nil {
		return c
	}
	if recv != "" {
		return t.calls[key{pkg, recv, "*"}]
	}
	return nil
}

// AnyMajor are the libraries whose entries, written under the path of
// their first major version, hold for every later one (path/v2, /v3...):
// SDKs keep their calls' names across versions.
var AnyMajor = []string{"github.com/mailgun/mailgun-go"}

// moduleRoot strips a major-version suffix (/v2 and up) from pkg.
func moduleRoot(pkg string) string {
	i := strings.LastIndex(pkg, "/v")
	if i < 0 || i+2 >= len(pkg) {
		return pkg
	}
	n, err := strconv.Atoi(pkg[i+2:])
	if err != nil || n < 2 {
		return pkg
	}
	return pkg[:i]
}

// LookupCall resolves call's callee and looks it up.
func (t *Table) LookupCall(info *types.Info, call *ast.CallExpr) (*Call, *types.Func) {
	fn, recv := Callee(info, call)
	if fn == nil {
		return nil, nil
	}
	return t.Lookup(fn, recv), fn
}

// Builtin returns every call apilint knows without configuration. The
// slice is shared: callers must not modify it.
var Builtin = sync.OnceValue(func() []Call {
	var out []Call
	for _, group := range [][]Call{databaseSQL(), sqlx(), pgx(), gorm(), gormV1(), xorm(), ozzoDBX(), beegoORM(), squirrel(), bun(), mongo(), redis(), httpClient(), blocking()} {
		out = append(out, group...)
	}
	for i := range out {
		out[i].Bound = boundOf(out[i])
	}
	return out
})

// Default returns the table of the builtin knowledge, for code that no
// configuration extends (tests, and the tables' own checks).
var Default = sync.OnceValue(func() *Table { return NewTable(Builtin()) })

// Validate checks a user-supplied entry.
func (c Call) Validate() error {
	switch {
	case c.Pkg == "":
		return fmt.Errorf("package is required")
	case c.Name == "":
		return fmt.Errorf("method name is required")
	case c.Name == "*" && c.Recv == "":
		return fmt.Errorf("method \"*\" needs a type")
	}
	return nil
}

var (
	modelledOnce sync.Once
	modelled     map[string]bool
)

// Modelled reports whether the tables describe package path: apilint
// knows what its functions do and does not read their bodies' summaries
// (an interface inside a framework can reach code the program never
// uses).
func Modelled(path string) bool {
	modelledOnce.Do(func() {
		modelled = make(map[string]bool)
		for _, c := range Builtin() {
			modelled[c.Pkg] = true
		}
		for _, r := range RequestReads {
			modelled[r.Pkg] = true
		}
		for _, c := range Callbacks {
			modelled[c.Pkg] = true
		}
		for _, s := range ServerStarts {
			modelled[s.Pkg] = true
		}
	})
	return modelled[path]
}

// NotFollowed are packages whose calls have effects (time.Sleep) but which
// nearly every library imports: a dependency that imports one of them and
// nothing else effectful is not summarised, so a sleep inside a library
// that touches no database, network or process is not followed. Both the
// vet tool and the apilint command apply the rule, so they agree.
var NotFollowed = []string{"time"}

// Effectful reports whether package path is one whose calls the tables
// say reach a database, a datastore, mail or another service through a
// library: a dependency that imports it (directly or not) may have effects
// worth summarising. The standard library's own slow calls (net/http,
// time.Sleep, os/exec) do not count, database/sql aside: nearly every
// module imports net/http or time, and summarising every dependency from
// source made the apilint command ten times slower on real services for
// effects (an SDK's backoff sleep) that are the library's business. The
// program's own packages are always summarised.
func (t *Table) Effectful(path string) bool {
	if contains(NotFollowed, path) {
		return false
	}
	return t.effectful()[path]
}

func (t *Table) effectful() map[string]bool {
	t.effectfulOnce.Do(func() {
		t.effectfulPkgs = make(map[string]bool)
		std := func(path string) bool { return StandardPath(path) && path != "database/sql" }
		for _, c := range t.calls {
			if c.Kind != None && c.Kind != BatchQueue && !std(c.Pkg) {
				t.effectfulPkgs[c.Pkg] = true
			}
		}
		t.effectfulPkgs["database/sql"] = true
		// A framework's request context (a package of the tables).
		for _, s := range ServerStarts {
			if !std(s.Pkg) {
				t.effectfulPkgs[s.Pkg] = true
			}
		}
		for _, c := range BodyLimits {
			if !std(c.Pkg) {
				t.effectfulPkgs[c.Pkg] = true
			}
		}
	})
	return t.effectfulPkgs
}

// StandardPath reports whether an import path is the standard library's:
// its first element has no dot.
func StandardPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
