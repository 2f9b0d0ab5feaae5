package notimeout

import (
	"go/ast"
	"go/constant"
	"go/token"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

const serverWhy = "a client that sends its request headers slowly (Slowloris) holds a connection and a goroutine " +
	"for as long as it likes, and a few thousand such clients exhaust the server"

// server reports an http.Server built with no read timeout.
func (c *checker) server(b built) {
	if b.contextValue || source.KeyedField(b.lit, "ReadHeaderTimeout") != nil || source.KeyedField(b.lit, "ReadTimeout") != nil ||
		c.assignedLater(b, "ReadHeaderTimeout", "ReadTimeout") || c.loopback(source.KeyedField(b.lit, "Addr")) {
		return
	}
	f := findings.Finding{
		Pos: b.pos,
		End: b.end,
		Message: "http.Server has neither ReadHeaderTimeout nor ReadTimeout: " + serverWhy +
			"; set ReadHeaderTimeout (e.g. 10 * time.Second), and WriteTimeout and IdleTimeout as the handlers allow",
	}
	if b.lit != nil {
		f.Fixes = c.addDurationField(b.lit, "ReadHeaderTimeout", "Add ReadHeaderTimeout: 10 * time.Second")
	}
	c.rep.Report(f)
}

// serverStart reports a call that starts a server with no timeouts.
func (c *checker) serverStart(cur inspector.Cursor, call *ast.CallExpr, s *apis.ServerStart) {
	if s.AddrFirst && len(call.Args) > 0 && c.loopback(call.Args[0]) {
		return
	}
	if s.HostFirst && len(call.Args) > 0 && c.loopbackHost(call.Args[0]) {
		return
	}
	if s.ServerField != "" {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		target := formatNode(c, sel.X) + "." + s.ServerField
		if fn, ok := source.OutermostFunc(cur); ok &&
			source.FieldAssigned(source.Body(fn.Node()), target, 0, "ReadHeaderTimeout", "ReadTimeout") {
			return
		}
	}
	if s.ConfigFunc != "" && !c.configLacks(cur, call, s) {
		return
	}
	fix := "serve with an http.Server that sets ReadHeaderTimeout (e.g. 10 * time.Second)"
	if s.ConfigField != "" {
		fix = "set " + s.ConfigField + " (e.g. 10 * time.Second) in the configuration"
	}
	f := findings.Finding{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: s.How + ": " + serverWhy + "; " + fix,
	}
	if s.Pkg == "net/http" {
		f.Fixes = c.listenFix(call, s.Name)
	}
	c.rep.Report(f)
}

// configLacks reports whether the receiver of call was built in this
// function by s.ConfigFunc with a configuration that does not set
// s.ConfigField. When apilint cannot see how it was built, it says no.
func (c *checker) configLacks(cur inspector.Cursor, call *ast.CallExpr, s *apis.ServerStart) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	fn, ok := source.OutermostFunc(cur)
	if !ok {
		return false
	}
	vals := source.AssignedValues(c.pass.TypesInfo, source.Body(fn.Node()), c.pass.TypesInfo.Uses[id])
	if len(vals) != 1 {
		return false
	}
	ctor, ok := ast.Unparen(vals[0].Expr).(*ast.CallExpr)
	if !ok {
		return false
	}
	callee, _ := apis.Callee(c.pass.TypesInfo, ctor)
	if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != s.Pkg || callee.Name() != s.ConfigFunc {
		return false
	}
	for _, arg := range ctor.Args {
		lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
		if !ok {
			return false // a configuration built elsewhere
		}
		if source.KeyedField(lit, s.ConfigField) != nil {
			return false
		}
	}
	return true
}

// loopback reports whether addr is an address on the loopback interface
// ("127.0.0.1:6060", "localhost:8080", "[::1]:9090", or only its host
// constant: fmt.Sprintf("127.0.0.1:%d", port), "localhost:" + port):
// only the machine itself can connect, so no slow client from outside
// can hold its connections (a pprof or metrics listener), and a dial
// cannot wait on a remote host.
func (c *checker) loopback(addr ast.Expr) bool {
	text, ok := c.hostText(addr)
	if !ok {
		return false
	}
	host, _, err := net.SplitHostPort(text)
	return err == nil && isLoopbackHost(host)
}

// loopbackHost reports whether host, a host with no port, is a constant
// loopback host.
func (c *checker) loopbackHost(host ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[host]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return isLoopbackHost(constant.StringVal(tv.Value))
}

// isLoopbackHost reports whether host is localhost or a loopback IP.
func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostText returns the text of an address expression up to its port: a
// constant, a fmt.Sprintf format, or the constant left side of a
// concatenation, with a placeholder port.
func (c *checker) hostText(addr ast.Expr) (string, bool) {
	if addr == nil {
		return "", false
	}
	info := c.pass.TypesInfo
	constText := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	if s, ok := constText(addr); ok {
		return s, true
	}
	switch e := ast.Unparen(addr).(type) {
	case *ast.CallExpr:
		fn, _ := apis.Callee(info, e)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(e.Args) == 0 {
			return "", false
		}
		if f, ok := constText(e.Args[0]); ok {
			if i := strings.LastIndex(f, ":"); i >= 0 {
				return f[:i] + ":0", true
			}
		}
	case *ast.BinaryExpr:
		if l, ok := constText(e.X); ok && e.Op == token.ADD && strings.HasSuffix(l, ":") {
			return l + "0", true
		}
	}
	return "", false
}
