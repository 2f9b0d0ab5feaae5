package notimeout

import (
	"go/ast"
	"go/constant"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

// dial reports net.Dial, which has no connect timeout, unless it dials
// this machine.
func (c *checker) dial(call *ast.CallExpr) {
	if len(call.Args) == 2 && (c.loopback(call.Args[1]) || c.localNetwork(call.Args[0])) {
		return // connecting to this machine fails or succeeds at once
	}
	f := findings.Finding{
		Pos: call.Pos(),
		End: call.End(),
		Message: "net.Dial has no timeout: connecting to an unreachable host waits for the operating system's " +
			"connect timeout (minutes), holding the caller all that time; use net.DialTimeout, or a net.Dialer " +
			"with Timeout and DialContext",
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if ok && len(call.Args) == 2 && !call.Ellipsis.IsValid() {
		timeName, edits := source.AddImport(c.pass, c.file, "time", "time")
		edits = append(edits,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("DialTimeout")},
			analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", 10*" + timeName + ".Second")})
		f.Fixes = []analysis.SuggestedFix{{Message: "Use net.DialTimeout with 10 seconds", TextEdits: edits}}
	}
	c.rep.Report(f)
}

// localNetwork reports whether network is a constant naming a Unix domain
// socket ("unix", "unixgram", "unixpacket"), a file on this machine that
// accepts or refuses a connection at once, or UDP ("udp", "udp4",
// "udp6"), whose dial sends nothing: it only picks a route.
func (c *checker) localNetwork(network ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[network]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	n := constant.StringVal(tv.Value)
	return strings.HasPrefix(n, "unix") || strings.HasPrefix(n, "udp")
}
