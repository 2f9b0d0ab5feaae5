package source_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/source"
)

const assignSrc = `package assign

import (
	"context"
	"time"
)

var global int

func two() (int, error) { return 0, nil }

type server struct{ srv struct{ ReadHeaderTimeout time.Duration } }

func f(param int) {
	var a, b = 1, 2
	var c int
	var m, e = two()
	x := a + b
	x = 3
	(x) = 4
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	p, q := 6, 7
	_, err := two()
	err = nil
	global = 8
	param = 9
	var s server
	s.srv.ReadHeaderTimeout = time.Second
	{
		x := "shadow"
		_ = x
	}
	func() {
		a = 10
	}()
	for i := range 3 {
		_ = i
	}
	_, _, _, _, _, _, _, _, _, _ = c, m, e, ctx, cancel, p, q, err, s, x
}
`

// TestAssignedValues checks what AssignedValues finds for each variable,
// and that IndexAssignments agrees with it for every variable of the body.
func TestAssignedValues(t *testing.T) {
	c := check(t, "example.com/assign", "assign.go", assignSrc)
	fd := c.funcDecl(t, "f")
	// The variables of f by name; the first declaration wins (x, not
	// the shadowing x).
	vars := make(map[string]types.Object)
	for id, obj := range c.info.Defs {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || id.Pos() < fd.Pos() || id.Pos() >= fd.End() {
			continue
		}
		if prev := vars[id.Name]; prev == nil || id.Pos() < prev.Pos() {
			vars[id.Name] = obj
		}
	}
	vars["global"] = c.pkg.Scope().Lookup("global")

	type value struct {
		expr  string
		index int
	}
	for _, tc := range []struct {
		name string
		want []value
	}{
		{"a", []value{{"1", 0}, {"10", 0}}},
		{"b", []value{{"2", 0}}},
		{"c", nil},
		{"m", []value{{"two()", 0}}},
		{"e", []value{{"two()", 1}}},
		{"x", []value{{"a + b", 0}, {"3", 0}, {"4", 0}}},
		{"ctx", []value{{"context.WithTimeout(context.Background(), time.Second)", 0}}},
		{"cancel", []value{{"context.WithTimeout(context.Background(), time.Second)", 1}}},
		{"p", []value{{"6", 0}}},
		{"q", []value{{"7", 0}}},
		{"err", []value{{"two()", 1}, {"nil", 0}}},
		{"global", []value{{"8", 0}}},
		{"param", []value{{"9", 0}}},
		{"s", nil},
		{"i", nil},
	} {
		v := vars[tc.name]
		if v == nil {
			t.Fatalf("no variable %s", tc.name)
		}
		var got []value
		for _, a := range source.AssignedValues(c.info, fd.Body, v) {
			got = append(got, value{types.ExprString(a.Expr), a.Index})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("AssignedValues(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}

	// IndexAssignments agrees with AssignedValues for every variable.
	idx := source.IndexAssignments(c.info, fd.Body)
	for name, v := range vars {
		want := source.AssignedValues(c.info, fd.Body, v)
		if got := idx.Of(v); !slices.Equal(got, want) {
			t.Errorf("IndexAssignments.Of(%s) = %v, AssignedValues = %v", name, got, want)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.info.ObjectOf(id); obj != nil {
				if got, want := idx.Of(obj), source.AssignedValues(c.info, fd.Body, obj); !slices.Equal(got, want) {
					t.Errorf("%s at %v: IndexAssignments.Of = %v, AssignedValues = %v", id.Name, c.fset.Position(id.Pos()), got, want)
				}
			}
		}
		return true
	})

	if source.AssignedValues(c.info, nil, vars["a"]) != nil || source.AssignedValues(c.info, fd.Body, nil) != nil {
		t.Error("AssignedValues of a nil body or variable is not nil")
	}
	if source.IndexAssignments(c.info, nil).Of(vars["a"]) != nil || idx.Of(nil) != nil {
		t.Error("Of on an empty index or for nil is not nil")
	}
	var none *source.Assignments
	if none.Of(vars["a"]) != nil {
		t.Error("(*Assignments)(nil).Of is not nil")
	}
}

func TestFieldAssigned(t *testing.T) {
	c := check(t, "example.com/assign", "assign.go", assignSrc)
	fd := c.funcDecl(t, "f")
	before := fd.Body.Pos()
	after := c.pos(t, "assign.go", assignSrc, "s.srv.ReadHeaderTimeout = ")
	for _, tc := range []struct {
		target string
		after  token.Pos
		fields []string
		want   bool
	}{
		{"s.srv", before, []string{"ReadHeaderTimeout"}, true},
		{"s.srv", before, []string{"ReadTimeout", "ReadHeaderTimeout"}, true},
		{"s.srv", after, []string{"ReadHeaderTimeout"}, false}, // only assignments after pos count
		{"s", before, []string{"ReadHeaderTimeout"}, false},
		{"s.srv", before, []string{"ReadTimeout"}, false},
		{"s.srv", before, nil, false},
		{"", before, []string{"ReadHeaderTimeout"}, false},
	} {
		if got := source.FieldAssigned(fd.Body, tc.target, tc.after, tc.fields...); got != tc.want {
			t.Errorf("FieldAssigned(%q, after %v, %v) = %v, want %v", tc.target, tc.after, tc.fields, got, tc.want)
		}
	}
	if source.FieldAssigned(nil, "s.srv", before, "ReadHeaderTimeout") {
		t.Error("FieldAssigned(nil body) = true")
	}
	if !strings.Contains(assignSrc, "s.srv.ReadHeaderTimeout") {
		t.Fatal("test source changed")
	}
}
