package apis

import (
	"go/ast"
	"go/types"
	"slices"
)

// Command is a command-line framework's command type and the fields that
// hold what it runs when the command is invoked: once per process, from
// main (cobra's Execute, urfave/cli's Run).
type Command struct {
	Type   TypeRef
	Fields []string
}

var (
	cobraRuns = []string{"Run", "RunE", "PreRun", "PreRunE", "PersistentPreRun", "PersistentPreRunE",
		"PostRun", "PostRunE", "PersistentPostRun", "PersistentPostRunE"}
	urfaveRuns = []string{"Action", "Before", "After"}
)

// Commands lists the command types whose run fields are start-up code.
var Commands = []Command{
	{Type: TypeRef{Pkg: "github.com/spf13/cobra", Name: "Command"}, Fields: cobraRuns},
	{Type: TypeRef{Pkg: "github.com/urfave/cli", Name: "App"}, Fields: urfaveRuns},
	{Type: TypeRef{Pkg: "github.com/urfave/cli", Name: "Command"}, Fields: urfaveRuns},
	{Type: TypeRef{Pkg: "github.com/urfave/cli/v2", Name: "App"}, Fields: urfaveRuns},
	{Type: TypeRef{Pkg: "github.com/urfave/cli/v2", Name: "Command"}, Fields: urfaveRuns},
	{Type: TypeRef{Pkg: "github.com/urfave/cli/v3", Name: "Command"}, Fields: urfaveRuns},
}

// CommandHooks are the functions that register what every command runs
// when it is invoked, once per process: cobra.OnInitialize(initConfig).
var CommandHooks = []Call{
	{Pkg: "github.com/spf13/cobra", Name: "OnInitialize"},
	{Pkg: "github.com/spf13/cobra", Name: "OnFinalize"},
}

// CommandRun reports whether field of a value of type t (or *t) holds a
// function a command-line framework runs when the command is invoked.
func CommandRun(t types.Type, field string) bool {
	t = Deref(t)
	for _, c := range Commands {
		if c.Type.Matches(t) && slices.Contains(c.Fields, field) {
			return true
		}
	}
	return false
}

// CommandRuns returns the values that n, a composite literal or an
// assignment, gives a command's run fields (CommandRun), or that n, a call
// of a CommandHooks function, registers:
// &cobra.Command{RunE: run}, or cmd.Action = func... .
func CommandRuns(info *types.Info, n ast.Node) []ast.Expr {
	var out []ast.Expr
	switch n := n.(type) {
	case *ast.CompositeLit:
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && CommandRun(info.TypeOf(n), key.Name) {
					out = append(out, kv.Value)
				}
			}
		}
	case *ast.CallExpr:
		if fn, _ := Callee(info, n); fn != nil {
			if pkg, recv, name := FuncKey(fn); has(CommandHooks, pkg, recv, name) {
				out = append(out, n.Args...)
			}
		}
	case *ast.AssignStmt:
		if len(n.Rhs) != len(n.Lhs) {
			return nil
		}
		for i, lhs := range n.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && CommandRun(info.TypeOf(sel.X), sel.Sel.Name) {
				out = append(out, n.Rhs[i])
			}
		}
	}
	return out
}
