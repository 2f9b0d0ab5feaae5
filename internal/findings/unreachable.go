package findings

import (
	"go/token"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/reach"
)

// deadCode holds each package's dead code (*types.Package to
// *reach.Dead), found once for all the rules that report on it.
var deadCode sync.Map

// unreachable reports whether pos is in code that pass's package alone
// shows cannot run: a branch a fixed condition rules out (see package
// reach). The apilint command, which sees the whole program, also drops
// findings in functions nothing calls (driver.Run).
func unreachable(pass *analysis.Pass, pos token.Pos) bool {
	d, ok := deadCode.Load(pass.Pkg)
	if !ok {
		d, _ = deadCode.LoadOrStore(pass.Pkg, reach.Find([]*reach.Package{{
			Fset: pass.Fset, Types: pass.Pkg, Info: pass.TypesInfo, Files: pass.Files, Library: true,
		}}, nil))
	}
	return d.(*reach.Dead).Contains(pass.Fset, pos)
}
