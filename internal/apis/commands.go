package apis

import (
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
