package apis

import (
	"fmt"
	"go/ast"
	"go/types"
	"sync"
)

type key struct{ pkg, recv, name string }

// Table indexes Calls for lookup by go/types objects.
type Table struct {
	calls map[key]*Call
}

// NewTable returns a table holding calls; later entries replace earlier
// ones with the same key.
func NewTable(calls ...[]Call) *Table {
	t := &Table{calls: make(map[key]*Call)}
	for _, group := range calls {
		t.Add(group...)
	}
	return t
}

// Add adds or replaces entries.
func (t *Table) Add(calls ...Call) {
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
		return &Call{Pkg: fn.Pkg().Path(), Recv: recv, Name: name, Kind: k, Generated: true}
	}
	return nil
}

func (t *Table) find(pkg, recv, name string) *Call {
	if c := t.calls[key{pkg, recv, name}]; c != nil {
		return c
	}
	if recv != "" {
		return t.calls[key{pkg, recv, "*"}]
	}
	return nil
}

// LookupCall resolves call's callee and looks it up.
func (t *Table) LookupCall(info *types.Info, call *ast.CallExpr) (*Call, *types.Func) {
	fn, recv := Callee(info, call)
	if fn == nil {
		return nil, nil
	}
	return t.Lookup(fn, recv), fn
}

// Builtin returns every call apilint knows without configuration.
func Builtin() []Call {
	var out []Call
	for _, group := range [][]Call{databaseSQL(), sqlx(), pgx(), gorm(), squirrel(), bun(), mongo(), redis(), httpClient(), blocking()} {
		out = append(out, group...)
	}
	return out
}

var (
	defaultOnce  sync.Once
	defaultTable *Table
)

// Default returns the table of builtin calls. It must not be modified;
// use NewTable(Builtin(), extra) for an extended one.
func Default() *Table {
	defaultOnce.Do(func() { defaultTable = NewTable(Builtin(), extensions) })
	return defaultTable
}

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

// extensions are the calls added from configuration, part of Default.
var extensions []Call

// Extend adds calls to the Default table (from .apilint.yml). It must be
// called before analysis starts.
func Extend(calls ...Call) {
	extensions = append(extensions, calls...)
	defaultOnce = sync.Once{}
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
