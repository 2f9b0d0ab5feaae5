package unbounded

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

// body reports a handler that reads the whole request body with no cap.
func (c *checker) body(h *effects.Handler, sum *effects.Summary) {
	if c.res.BodyLimited() || c.s.bodiesCapped || c.res.HandlerCapped(h.Func) {
		return
	}
	e, ok := sum.Find(false, effects.BodyRead)
	if !ok {
		e, ok = c.generatedBinder(h)
	}
	if !ok || e.Detail == effects.FormBody && !bodyMethod(h) || e.Detail == effects.BoundBody && noBodyMethod(h) {
		return
	}
	at, chain := c.callLeadingTo(h, e)
	how := e.Call()
	if e.Site != "" {
		how += " at " + e.Site
	}
	if len(chain) > 1 {
		how += ", through " + strings.Join(chain[:len(chain)-1], " → ")
	}
	what := "reads the whole request body (" + how + ") with no size limit: " +
		"one client sending a multi-gigabyte body exhausts the server's memory, and a few of them take it down"
	if e.Detail == effects.FormBody {
		what = "parses the request's form (" + how + ") with no size limit on the body: " +
			"a multipart body is read into memory and temporary files however large it is, so a few clients fill the server's memory or disk"
	}
	f := findings.Finding{
		Pos: at.Pos(),
		End: at.End(),
		Message: "request handler " + h.Name + " " + what + "; " +
			"cap it before reading: r.Body = http.MaxBytesReader(w, r.Body, 1<<20), or register http.MaxBytesHandler for the server",
		Chain: append([]string{c.chainName(h)}, chain...),
		Fixes: c.capBodyFix(h),
	}
	c.rep.Report(f)
}

// generatedBinder returns the body read of a go-swagger handler's
// generated binder: the BindRequest method of its parameters type, which
// the generated server calls before the handler and which decodes the
// body of the request it is handed (route.Consumer.Consume(r.Body,
// &body)), in any package of the program (its summary says so).
func (c *checker) generatedBinder(h *effects.Handler) (effects.Effect, bool) {
	if h.Framework != "go-swagger" || h.Func == nil || h.Request < 0 || h.Request >= h.Func.Signature().Params().Len() {
		return effects.Effect{}, false
	}
	t := h.Func.Signature().Params().At(h.Request).Type()
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "BindRequest")
	bind, ok := obj.(*types.Func)
	if !ok {
		return effects.Effect{}, false
	}
	sum := c.res.Func(bind)
	if sum == nil {
		return effects.Effect{}, false
	}
	for _, u := range sum.BodyParams {
		if u.Param == 0 && u.Kind == effects.BodyRead {
			_, name := apis.NamedOf(apis.Deref(t))
			return effects.Effect{Kind: effects.BodyRead, Chain: u.Chain.Prepend(name + ".BindRequest"), Site: u.Site}, true
		}
	}
	return effects.Effect{}, false
}

// capBodyFix inserts the framework's body cap as the handler's first
// statement.
func (c *checker) capBodyFix(h *effects.Handler) []analysis.SuggestedFix {
	if h.Node == nil || h.Param == nil || h.Param.CapBody == "" {
		return nil
	}
	params := source.Params(c.pass.TypesInfo, h.Node)
	name := func(i int) string {
		if i < 0 || i >= len(params) || params[i].Name() == "" || params[i].Name() == "_" {
			return ""
		}
		return params[i].Name()
	}
	req, w := name(h.Request), name(h.Writer)
	if req == "" || strings.Contains(h.Param.CapBody, "{w}") && w == "" {
		return nil
	}
	body := source.Body(h.Node)
	if body == nil || len(body.List) == 0 {
		return nil
	}
	file := source.FileOf(c.pass, body.Pos())
	if file == nil {
		return nil
	}
	first := body.List[0]
	indent := indentOf(c.pass, first)
	httpName, edits := source.AddImport(c.pass, file, "net/http", "http")
	stmt := strings.NewReplacer("{req}", req, "{w}", w).Replace(h.Param.CapBody)
	if httpName != "http" {
		stmt = strings.Replace(stmt, "http.", httpName+".", 1)
	}
	edits = append(edits, analysis.TextEdit{Pos: first.Pos(), End: first.Pos(), NewText: []byte(stmt + "\n" + indent)})
	return []analysis.SuggestedFix{{Message: "Cap the request body at 1 MiB", TextEdits: edits}}
}

// indentOf returns the white space before n on its line.
func indentOf(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(n.Pos())))
	end := tf.Offset(n.Pos())
	if start < 0 || end > len(src) || start > end || strings.TrimLeft(string(src[start:end]), " \t") != "" {
		return "\t"
	}
	return string(src[start:end])
}

// noBodyMethod reports whether h's routes are known and each is for a
// method whose request has no body (GET, HEAD, DELETE, OPTIONS): a
// binder then reads only the query string.
func noBodyMethod(h *effects.Handler) bool {
	for _, r := range h.Routes {
		switch r.Method {
		case "GET", "HEAD", "DELETE", "OPTIONS":
		default:
			return false
		}
	}
	return len(h.Routes) > 0
}

// bodyMethod reports whether a route registers h for a method whose
// request has a body a form parse reads: POST, PUT or PATCH. A handler
// whose routes are not known is given the benefit of the doubt, since
// r.FormValue on a GET reads the query string only.
func bodyMethod(h *effects.Handler) bool {
	for _, r := range h.Routes {
		switch r.Method {
		case "POST", "PUT", "PATCH":
			return true
		}
	}
	return false
}
