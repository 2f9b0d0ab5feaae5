package apis_test

import (
	"errors"
	"fmt"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/apis"
)

// The consistency tests check every table of internal/apis against the
// libraries it describes: the stubs under internal/stubs/testdata/src
// (signatures as the libraries publish them) and the standard library.

// unstubbable lists the packages named by the tables that have no stub,
// with the reason. Every other package a table names must resolve, to a
// stub or to the standard library. It is empty: add a stub rather than
// an entry.
var unstubbable = map[string]string{}

// phantoms are table entries naming a function or method that the real
// library does not have (checked against its published source). They are
// reported by TestBugPhantomEntries, skipped by the other tests.
var phantoms = map[string]string{}

// stubGaps are entries that the real library has but the stub does not
// declare, because the stub's declaration is an interface that analyzer
// tests depend on and must not change. Each was checked by hand against
// the published source named.
var stubGaps = map[string]string{
	"github.com/jackc/pgx/v5.Tx.Begin":    "pgx v5.12 tx.go: Tx interface declares Begin(ctx) (Tx, error)",
	"github.com/jackc/pgx/v5.Tx.CopyFrom": "pgx v5.12 tx.go: Tx interface declares CopyFrom",
	"github.com/jackc/pgx/v5.Tx.Prepare":  "pgx v5.12 tx.go: Tx interface declares Prepare",
}

// resolver looks the tables' names up in the universe.
type resolver struct {
	t       *testing.T
	u       *universe
	skipped map[string]bool
}

func newResolver(t *testing.T) *resolver {
	return &resolver{t: t, u: loadUniverse(), skipped: make(map[string]bool)}
}

// pkg returns the package path, or nil (having reported why, or logged
// that it is unstubbable) when it cannot be had.
func (r *resolver) pkg(what, path string) *types.Package {
	r.t.Helper()
	p, err := r.u.Import(path)
	if err == nil {
		if _, ok := unstubbable[path]; ok {
			r.t.Errorf("%s is listed as unstubbable but resolves: remove it from unstubbable", path)
		}
		return p
	}
	if reason, ok := unstubbable[path]; ok && errors.Is(err, errNoStub) {
		if !r.skipped[path] {
			r.skipped[path] = true
			r.t.Logf("not checked: %s (%s)", path, reason)
		}
		return nil
	}
	r.t.Errorf("%s: %v", what, err)
	return nil
}

// typeName returns the named type pkg.name, or nil (having reported it).
func (r *resolver) typeName(what string, pkg *types.Package, name string) *types.TypeName {
	r.t.Helper()
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		r.t.Errorf("%s: %s has no type %s", what, pkg.Path(), name)
		return nil
	}
	return tn
}

// typeRef resolves a TypeRef to the type it names, or nil.
func (r *resolver) typeRef(what string, ref apis.TypeRef) types.Type {
	r.t.Helper()
	var t types.Type
	if ref.Pkg == "" {
		obj := types.Universe.Lookup(ref.Name)
		if obj == nil {
			r.t.Errorf("%s: no universe type %s", what, ref.Name)
			return nil
		}
		t = obj.Type()
	} else {
		pkg := r.pkg(what, ref.Pkg)
		if pkg == nil {
			return nil
		}
		tn := r.typeName(what, pkg, ref.Name)
		if tn == nil {
			return nil
		}
		t = tn.Type()
	}
	if ref.Ptr {
		if types.IsInterface(t) {
			r.t.Errorf("%s: %v is an interface: a pointer to it is never a parameter type", what, t)
		}
		t = types.NewPointer(t)
	}
	if !ref.Matches(t) {
		r.t.Errorf("%s: %+v does not match the type it names, %v", what, ref, t)
	}
	return t
}

// member returns the function or method (pkg, recv, name), or nil
// (having reported it). Methods are looked up in the method set of *recv,
// promoted methods included, as Table.Lookup sees them through the static
// receiver type. Name "*" needs only the type.
// anyMajor resolves an entry that holds for every major version of its
// library (apis.AnyMajor): some version's stub must declare it.
func (r *resolver) anyMajor(what string, c apis.Call) *types.Func {
	r.t.Helper()
	for v := 1; v <= 9; v++ {
		path := c.Pkg
		if v > 1 {
			path = fmt.Sprintf("%s/v%d", c.Pkg, v)
		}
		pkg, err := r.u.Import(path)
		if err != nil {
			continue
		}
		tn, ok := pkg.Scope().Lookup(c.Recv).(*types.TypeName)
		if !ok {
			continue
		}
		if fn := methodOf(tn, c.Name); fn != nil {
			return fn
		}
	}
	r.t.Errorf("%s: no major version of %s has %s.%s", what, c.Pkg, c.Recv, c.Name)
	return nil
}

func (r *resolver) member(what, pkgPath, recv, name string) *types.Func {
	r.t.Helper()
	pkg := r.pkg(what, pkgPath)
	if pkg == nil {
		return nil
	}
	if recv == "" {
		fn, ok := pkg.Scope().Lookup(name).(*types.Func)
		if !ok {
			r.t.Errorf("%s: %s has no function %s", what, pkgPath, name)
			return nil
		}
		return fn
	}
	tn := r.typeName(what, pkg, recv)
	if tn == nil || name == "*" {
		return nil
	}
	fn := methodOf(tn, name)
	if fn == nil {
		r.t.Errorf("%s: %s.%s has no method %s", what, pkgPath, recv, name)
	}
	return fn
}

// methodOf returns the method name of *tn (or of tn, for interfaces).
func methodOf(tn *types.TypeName, name string) *types.Func {
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, tn.Pkg(), name)
	fn, _ := obj.(*types.Func)
	return fn
}

// methodsNamed returns the methods called name of the types declared in
// pkg.
func methodsNamed(pkg *types.Package, name string) []*types.Func {
	var out []*types.Func
	for _, n := range pkg.Scope().Names() {
		if tn, ok := pkg.Scope().Lookup(n).(*types.TypeName); ok {
			if m := methodOf(tn, name); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

func entryName(pkg, recv, name string) string {
	if recv == "" {
		return pkg + "." + name
	}
	return pkg + "." + recv + "." + name
}

func callName(c apis.Call) string { return entryName(c.Pkg, c.Recv, c.Name) }

// known reports whether name is a listed phantom or stub gap, which the
// resolution tests leave to TestBugPhantomEntries and to the reviewer.
func known(name string) bool {
	_, phantom := phantoms[name]
	_, gap := stubGaps[name]
	return phantom || gap
}

// resolveCalls checks that every entry of a []Call table resolves, and
// returns the functions, by entry.
func resolveCalls(t *testing.T, calls []apis.Call) map[string]*types.Func {
	r := newResolver(t)
	out := make(map[string]*types.Func)
	for _, c := range calls {
		name := callName(c)
		if c.Pkg == "" || c.Name == "" {
			t.Errorf("%s: incomplete entry %+v", name, c)
			continue
		}
		if known(name) {
			continue
		}
		if slices.Contains(apis.AnyMajor, c.Pkg) {
			if fn := r.anyMajor(name, c); fn != nil {
				out[name] = fn
			}
			continue
		}
		if fn := r.member(name, c.Pkg, c.Recv, c.Name); fn != nil {
			out[name] = fn
		}
	}
	return out
}

func TestCallTablesResolve(t *testing.T) {
	for name, calls := range map[string][]apis.Call{
		"Builtin":         apis.Builtin(),
		"BodyLimits":      apis.BodyLimits,
		"ResponseWriters": apis.ResponseWriters,
		"Waiters":         apis.Waiters,
		"RowIterators":    apis.RowIterators,
	} {
		t.Run(name, func(t *testing.T) { resolveCalls(t, calls) })
	}
}

// TestKnownEntriesListed keeps phantoms and stubGaps honest: each names
// an entry still in the tables, and none of them resolves through the
// stubs (a phantom that resolves means a stub declares what the library
// does not).
func TestKnownEntriesListed(t *testing.T) {
	inTables := make(map[string]bool)
	for _, c := range apis.Builtin() {
		inTables[callName(c)] = true
	}
	u := loadUniverse()
	for _, list := range []map[string]string{phantoms, stubGaps} {
		for name := range list {
			if !inTables[name] {
				t.Errorf("%s is listed but no longer in apis.Builtin(): remove it", name)
			}
		}
	}
	for name := range phantoms {
		c := callByName(name)
		if c == nil {
			continue
		}
		if p, err := u.Import(c.Pkg); err == nil && lookupMember(p, c.Recv, c.Name) != nil {
			t.Errorf("phantom %s resolves through the stubs: a stub declares what the library does not", name)
		}
	}
}

func callByName(name string) *apis.Call {
	for _, c := range apis.Builtin() {
		if callName(c) == name {
			return &c
		}
	}
	return nil
}

func lookupMember(pkg *types.Package, recv, name string) *types.Func {
	if recv == "" {
		fn, _ := pkg.Scope().Lookup(name).(*types.Func)
		return fn
	}
	tn, ok := pkg.Scope().Lookup(recv).(*types.TypeName)
	if !ok {
		return nil
	}
	return methodOf(tn, name)
}

// TestBugPhantomEntries: entries of apis.Builtin() that name functions
// the libraries do not have. They match nothing, and the functions meant
// are missing from the table (mailgun v5's (*Client).Send, pgx v4's
// (*Conn).BeginFunc).
func TestBugPhantomEntries(t *testing.T) {
	u := loadUniverse()
	for name, why := range phantoms {
		c := callByName(name)
		if c == nil {
			continue
		}
		if p, err := u.Import(c.Pkg); err != nil || lookupMember(p, c.Recv, c.Name) == nil {
			t.Errorf("%s: %s", name, why)
		}
	}
}

// TestBugMailgunV5ClientSend: mailgun-go v5's client is *mailgun.Client
// (NewMailgun returns it); the table names v5's MailgunImpl, which does
// not exist, so sending mail through the concrete client is not a
// blocking call.
func TestBugMailgunV5ClientSend(t *testing.T) {
	p, err := loadUniverse().Import("github.com/mailgun/mailgun-go/v5")
	if err != nil {
		t.Fatal(err)
	}
	fn := lookupMember(p, "Client", "Send")
	if c := apis.Default().Lookup(fn, types.NewPointer(p.Scope().Lookup("Client").Type())); c == nil || c.Kind != apis.Blocking {
		t.Errorf("Lookup((*mailgun.Client).Send) = %v, want a blocking call", c)
	}
}

// TestBugRowIteratorNotACondition: RowIterators are matched as the
// condition of `for it.Next() {}` (source.LoopOf), so each must return a
// single bool; encoding/csv's (*Reader).Read returns ([]string, error)
// and can never be one.
func TestBugRowIteratorNotACondition(t *testing.T) {
	checkRowIteratorsReturnBool(t, nil)
}

func checkRowIteratorsReturnBool(t *testing.T, except map[string]bool) {
	fns := resolveCalls(t, apis.RowIterators)
	for _, c := range apis.RowIterators {
		name := callName(c)
		fn := fns[name]
		if fn == nil || except[name] {
			continue
		}
		res := fn.Signature().Results()
		if res.Len() != 1 || !types.Identical(res.At(0).Type(), types.Typ[types.Bool]) {
			t.Errorf("%s returns %v: a row iterator is a loop condition and must return bool", name, res)
		}
	}
}

func TestRowIteratorsReturnBool(t *testing.T) {
	checkRowIteratorsReturnBool(t, map[string]bool{"encoding/csv.Reader.Read": true})
}

// TestWithCtxVariants checks the context-taking variant of each call
// that names one: the table knows it with the same kind, and its
// signature is the original's with a context.Context first and CtxTail's
// arguments last, so that the suggested rewrite compiles.
func TestWithCtxVariants(t *testing.T) {
	calls := apis.Builtin()
	fns := resolveCalls(t, calls)
	byKey := make(map[string]apis.Call)
	for _, c := range calls {
		byKey[callName(c)] = c
	}
	for _, c := range calls {
		fn := fns[callName(c)]
		if c.WithCtx == "" {
			if c.CtxTail != "" {
				t.Errorf("%s: CtxTail %q without WithCtx", callName(c), c.CtxTail)
			}
			continue
		}
		variant := entryName(c.Pkg, c.Recv, c.WithCtx)
		v, ok := byKey[variant]
		switch {
		case !ok:
			t.Errorf("%s: its variant %s is not in the table", callName(c), variant)
			continue
		case v.Kind != c.Kind:
			t.Errorf("%s is %v but its variant %s is %v", callName(c), c.Kind, variant, v.Kind)
		case v.WithCtx != "":
			t.Errorf("%s: its variant %s names a variant itself", callName(c), variant)
		}
		vfn := fns[variant]
		if fn == nil || vfn == nil {
			continue
		}
		orig, with := fn.Signature(), vfn.Signature()
		if orig.Params().Len() > 0 && apis.IsContext(orig.Params().At(0).Type()) {
			t.Errorf("%s takes a context already; it needs no WithCtx", callName(c))
		}
		if with.Params().Len() == 0 || !apis.IsContext(with.Params().At(0).Type()) {
			t.Errorf("%s: variant %s does not take a context.Context first", callName(c), variant)
			continue
		}
		tail := 0
		if c.CtxTail != "" {
			tail = len(strings.Split(c.CtxTail, ","))
		}
		if got, want := with.Params().Len(), orig.Params().Len()+1+tail; got != want || with.Variadic() != orig.Variadic() {
			t.Errorf("%s(%v) → %s(ctx, ..., %s): %s takes %d parameters (variadic %v), want %d (variadic %v)",
				callName(c), orig.Params(), c.WithCtx, c.CtxTail, variant, got, with.Variadic(), want, orig.Variadic())
		}
	}
}

func TestBuiltinNoDuplicates(t *testing.T) {
	seen := make(map[string]bool)
	for _, c := range apis.Builtin() {
		name := callName(c)
		if seen[name] {
			t.Errorf("%s appears twice in apis.Builtin()", name)
		}
		seen[name] = true
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got, want := apis.Default().Len(), len(apis.Builtin()); got != want {
		t.Errorf("Default().Len() = %d, want len(Builtin()) = %d", got, want)
	}
}

func TestKinds(t *testing.T) {
	used := make(map[apis.Kind]bool)
	for _, c := range apis.Builtin() {
		used[c.Kind] = true
		if c.Kind > apis.Blocking {
			t.Errorf("%s: unknown kind %v", callName(c), c.Kind)
		}
	}
	all := []apis.Kind{apis.None, apis.ReadMany, apis.ReadOne, apis.Write, apis.RoundTrip, apis.Datastore,
		apis.BatchQueue, apis.BatchSend, apis.HTTP, apis.Blocking}
	names := make(map[string]bool)
	for _, k := range all {
		if !used[k] {
			t.Errorf("no Builtin entry has kind %v", k)
		}
		s := k.String()
		if names[s] || strings.HasPrefix(s, "Kind(") {
			t.Errorf("kind %d has name %q", k, s)
		}
		names[s] = true
		back, err := apis.ParseKind(s)
		if err != nil || back != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", s, back, err, k)
		}
	}
	if got := apis.Kind(200).String(); got != "Kind(200)" {
		t.Errorf("Kind(200).String() = %q", got)
	}
	for _, s := range []string{"", "Read-Many", "readmany", "kind(1)"} {
		if _, err := apis.ParseKind(s); err == nil {
			t.Errorf("ParseKind(%q) succeeded", s)
		}
	}
	for _, tc := range []struct {
		k           apis.Kind
		db, network bool
	}{
		{apis.None, false, false},
		{apis.ReadMany, true, true},
		{apis.ReadOne, true, true},
		{apis.Write, true, true},
		{apis.RoundTrip, true, true},
		{apis.Datastore, false, true},
		{apis.BatchQueue, false, false},
		{apis.BatchSend, false, true},
		{apis.HTTP, false, true},
		{apis.Blocking, false, false},
	} {
		if tc.k.IsDB() != tc.db || tc.k.IsRoundTrip() != tc.network {
			t.Errorf("%v: IsDB %v, IsRoundTrip %v; want %v, %v", tc.k, tc.k.IsDB(), tc.k.IsRoundTrip(), tc.db, tc.network)
		}
	}
}

func TestRequestReads(t *testing.T) {
	r := newResolver(t)
	seen := make(map[string]bool)
	for _, rr := range apis.RequestReads {
		name := entryName(rr.Pkg, rr.Recv, rr.Name)
		key := fmt.Sprint(name, rr.What)
		if seen[key] {
			t.Errorf("%s (what %d) appears twice", name, rr.What)
		}
		seen[key] = true
		if len(apis.LookupRequestReads(rr.Pkg, rr.Recv, rr.Name)) == 0 {
			t.Errorf("LookupRequestReads does not find %s", name)
		}
		fn := r.member(name, rr.Pkg, rr.Recv, rr.Name)
		if fn == nil {
			continue
		}
		params := fn.Signature().Params()
		if rr.What == apis.BodyAll || rr.What == apis.BodyForm || rr.What == apis.BodyByMethod {
			continue // reads the request it is called on
		}
		if rr.Arg >= params.Len() {
			t.Errorf("%s: Arg %d, but it takes %d parameters", name, rr.Arg, params.Len())
			continue
		}
		at := params.At(rr.Arg).Type()
		switch rr.What {
		case apis.QueryParam:
			if !types.Identical(at, types.Typ[types.String]) {
				t.Errorf("%s: parameter %d (the parameter name) is %v, want string", name, rr.Arg, at)
			}
		case apis.BindQuery:
			if !types.IsInterface(at) || at.Underlying().(*types.Interface).NumMethods() != 0 {
				t.Errorf("%s: parameter %d (the destination) is %v, want any", name, rr.Arg, at)
			}
		case apis.BodyReader:
			if pkg, n := apis.NamedOf(at); pkg != "io" || n != "Reader" {
				t.Errorf("%s: parameter %d (the reader) is %v, want io.Reader", name, rr.Arg, at)
			}
		default:
			t.Errorf("%s: unknown ReadKind %d", name, rr.What)
		}
	}
}

func TestBodyLimits(t *testing.T) {
	resolveCalls(t, apis.BodyLimits)
	for _, c := range apis.BodyLimits {
		if !apis.IsBodyLimit(c.Pkg, c.Recv, c.Name) {
			t.Errorf("IsBodyLimit does not find %s", callName(c))
		}
	}
}

func TestResponseWriters(t *testing.T) {
	resolveCalls(t, apis.ResponseWriters)
	for _, c := range apis.ResponseWriters {
		if !apis.IsResponseWriter(c.Pkg, c.Recv, c.Name) {
			t.Errorf("IsResponseWriter does not find %s", callName(c))
		}
	}
}

func TestServerStarts(t *testing.T) {
	r := newResolver(t)
	seen := make(map[string]bool)
	for _, s := range apis.ServerStarts {
		name := entryName(s.Pkg, s.Recv, s.Name)
		if seen[name] {
			t.Errorf("%s appears twice", name)
		}
		seen[name] = true
		if s.How == "" {
			t.Errorf("%s: no How for the message", name)
		}
		if apis.LookupServerStart(s.Pkg, s.Recv, s.Name) == nil {
			t.Errorf("LookupServerStart does not find %s", name)
		}
		fn := r.member(name, s.Pkg, s.Recv, s.Name)
		if fn == nil {
			continue
		}
		if params := fn.Signature().Params(); s.AddrFirst && (params.Len() == 0 || !types.Identical(params.At(0).Type(), types.Typ[types.String])) {
			t.Errorf("%s: AddrFirst, but its first parameter is not a string", name)
		}
		pkg := r.pkg(name, s.Pkg)
		if s.ServerField != "" {
			tn := r.typeName(name, pkg, s.Recv)
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, s.ServerField)
			field, ok := obj.(*types.Var)
			if !ok || !(apis.TypeRef{Pkg: "net/http", Name: "Server", Ptr: true}).Matches(field.Type()) {
				t.Errorf("%s: ServerField %s is not a *http.Server field of %s", name, s.ServerField, s.Recv)
			}
		}
		if (s.ConfigFunc == "") != (s.ConfigField == "") {
			t.Errorf("%s: ConfigFunc %q and ConfigField %q go together", name, s.ConfigFunc, s.ConfigField)
		}
		if s.ConfigFunc != "" {
			checkConfigFunc(t, r, name, pkg, s)
		}
	}
}

// checkConfigFunc checks that s.ConfigFunc builds s.Recv from a
// configuration struct with the field s.ConfigField.
func checkConfigFunc(t *testing.T, r *resolver, name string, pkg *types.Package, s apis.ServerStart) {
	t.Helper()
	fn := r.member(name, s.Pkg, "", s.ConfigFunc)
	if fn == nil {
		return
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 || !(apis.TypeRef{Pkg: s.Pkg, Name: s.Recv, Ptr: true}).Matches(sig.Results().At(0).Type()) {
		t.Errorf("%s: %s does not return *%s", name, s.ConfigFunc, s.Recv)
	}
	for i := range sig.Params().Len() {
		pt := sig.Params().At(i).Type()
		if sl, ok := pt.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
			pt = sl.Elem()
		}
		obj, _, _ := types.LookupFieldOrMethod(pt, true, pkg, s.ConfigField)
		if _, ok := obj.(*types.Var); ok {
			return
		}
	}
	t.Errorf("%s: no parameter of %s has a field %s", name, s.ConfigFunc, s.ConfigField)
}

func TestCallbacks(t *testing.T) {
	r := newResolver(t)
	seen := make(map[string]bool)
	for _, c := range apis.Callbacks {
		name := entryName(c.Pkg, c.Recv, c.Name)
		if seen[name] {
			t.Errorf("%s appears twice", name)
		}
		seen[name] = true
		if apis.LookupCallback(c.Pkg, c.Recv, c.Name) == nil {
			t.Errorf("LookupCallback does not find %s", name)
		}
		fn := r.member(name, c.Pkg, c.Recv, c.Name)
		if fn == nil {
			continue
		}
		params := fn.Signature().Params()
		if c.Arg >= params.Len() {
			t.Errorf("%s: Arg %d, but it takes %d parameters", name, c.Arg, params.Len())
			continue
		}
		if _, ok := params.At(c.Arg).Type().Underlying().(*types.Signature); !ok {
			t.Errorf("%s: parameter %d is %v, not a function", name, c.Arg, params.At(c.Arg).Type())
		}
	}
	for _, w := range apis.Waiters {
		if !apis.IsWaiter(w.Pkg, w.Recv, w.Name) {
			t.Errorf("IsWaiter does not find %s", callName(w))
		}
	}
}

func TestDBHandles(t *testing.T) {
	r := newResolver(t)
	seen := make(map[apis.TypeRef]bool)
	for _, h := range apis.DBHandles {
		what := fmt.Sprintf("DBHandles %s.%s", h.Pkg, h.Name)
		if seen[h] {
			t.Errorf("%s appears twice", what)
		}
		seen[h] = true
		r.typeRef(what, h)
		if !slices.ContainsFunc(apis.Builtin(), func(c apis.Call) bool {
			return c.Pkg == h.Pkg && c.Recv == h.Name && c.Kind.IsDB()
		}) {
			t.Errorf("%s: no Builtin database call on it", what)
		}
	}
}

func TestBoundRules(t *testing.T) {
	r := newResolver(t)
	for i, rule := range apis.BoundRules {
		what := fmt.Sprintf("BoundRules[%d] (%s %s %s)", i, rule.Pkg, rule.Recv, rule.Name)
		if rule.Bound == apis.NoBound {
			t.Errorf("%s: NoBound is the absence of a rule", what)
		}
		pkg := r.pkg(what, rule.Pkg)
		if pkg == nil {
			continue
		}
		if rule.Recv != "" {
			if tn := r.typeName(what, pkg, rule.Recv); tn != nil && rule.Name != "" && methodOf(tn, rule.Name) == nil {
				t.Errorf("%s: %s has no method %s", what, rule.Recv, rule.Name)
			}
		}
		matched, effective := false, false
		for _, c := range apis.Builtin() {
			if c.Kind != apis.ReadMany || c.Pkg != rule.Pkg ||
				rule.Recv != "" && rule.Recv != c.Recv || rule.Name != "" && rule.Name != c.Name {
				continue
			}
			matched = true
			if apis.BoundOf(&c) == rule.Bound {
				effective = true
			}
		}
		switch {
		case !matched:
			t.Errorf("%s matches no many-row read of apis.Builtin()", what)
		case !effective:
			t.Errorf("%s is shadowed by an earlier rule for every read it matches", what)
		}
	}
	for _, c := range apis.Builtin() {
		if c.Kind != apis.ReadMany && c.Bound != apis.NoBound {
			t.Errorf("%s is %v but has bound %v", callName(c), c.Kind, c.Bound)
		}
	}
}

func TestGeneratedClients(t *testing.T) {
	r := newResolver(t)
	suffixes := make(map[string]bool)
	for _, g := range apis.GeneratedClients {
		what := fmt.Sprintf("GeneratedClients %s *%s", g.Imports, g.Suffix)
		r.pkg(what, g.Imports)
		if g.Suffix == "" || suffixes[g.Imports+" "+g.Suffix] {
			t.Errorf("%s: empty or repeated suffix", what)
		}
		suffixes[g.Imports+" "+g.Suffix] = true
		if len(g.Methods) == 0 {
			t.Errorf("%s: no methods", what)
		}
		for name, k := range g.Methods {
			if k == apis.None || k > apis.Blocking {
				t.Errorf("%s: %s has kind %v", what, name, k)
			}
			// ent generates each method with a panicking X twin.
			twin, isX := strings.CutSuffix(name, "X")
			if !isX {
				twin = name + "X"
			}
			if tk, ok := g.Methods[twin]; !ok || tk != k {
				t.Errorf("%s: %s (%v) has no twin %s of the same kind", what, name, k, twin)
			}
		}
	}
}

func TestLimitReceivers(t *testing.T) {
	r := newResolver(t)
	for _, path := range apis.LimitReceivers {
		if !apis.IsLimitReceiver(path) {
			t.Errorf("IsLimitReceiver(%q) = false", path)
		}
		pkg := r.pkg("LimitReceivers", path)
		if pkg == nil {
			continue
		}
		if len(methodsNamed(pkg, "Limit"))+len(methodsNamed(pkg, "SetLimit")) == 0 {
			t.Errorf("LimitReceivers: %s declares no type with a Limit or SetLimit method", path)
		}
	}
	if apis.IsLimitReceiver("database/sql") {
		t.Error("IsLimitReceiver(database/sql) = true")
	}
}

// plausible reports whether path looks like a third-party import path.
func plausible(path string) bool {
	first, rest, ok := strings.Cut(path, "/")
	return ok && rest != "" && strings.Contains(first, ".") && !strings.ContainsAny(path, " \\") && !strings.HasSuffix(path, "/")
}

func TestQueues(t *testing.T) {
	u := loadUniverse()
	seen := make(map[string]bool)
	for _, q := range apis.Queues {
		if !plausible(q.Pkg) || q.Name == "" || seen[q.Pkg] {
			t.Errorf("Queues: implausible or repeated entry %+v", q)
		}
		seen[q.Pkg] = true
		if _, err := u.Import(q.Pkg); err != nil {
			if !errors.Is(err, errNoStub) {
				t.Errorf("Queues %s: %v", q.Pkg, err)
			}
			continue // no stub: only the path is checked
		}
	}
}

func TestServiceRuntimes(t *testing.T) {
	u := loadUniverse()
	for _, rt := range apis.ServiceRuntimes {
		if !plausible(rt.Imports) || rt.Suffix == "" || rt.Framework == "" {
			t.Errorf("ServiceRuntimes: incomplete entry %+v", rt)
		}
		if _, err := u.Import(rt.Imports); err != nil && !errors.Is(err, errNoStub) {
			t.Errorf("ServiceRuntimes %s: %v", rt.Imports, err)
		}
	}
}

// normal is how the table compares parameter names (see PaginationParams).
func normal(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s))
}

func TestNameLists(t *testing.T) {
	for name, list := range map[string][]string{
		"PaginationParams":  apis.PaginationParams,
		"PageSizeParams":    apis.PageSizeParams,
		"InterfaceSuffixes": apis.InterfaceSuffixes,
		"WritePrefixes":     apis.WritePrefixes,
		"ReadManyPrefixes":  apis.ReadManyPrefixes,
		"LimitMethods":      apis.LimitMethods,
		"NotFollowed":       apis.NotFollowed,
	} {
		seen := make(map[string]string)
		for _, s := range list {
			if s == "" {
				t.Errorf("%s has an empty name", name)
			}
			if prev, ok := seen[normal(s)]; ok {
				t.Errorf("%s: %q and %q are the same name", name, prev, s)
			}
			seen[normal(s)] = s
		}
	}
	for _, w := range apis.WritePrefixes {
		if slices.Contains(apis.ReadManyPrefixes, w) {
			t.Errorf("%q is both a write and a read-many prefix", w)
		}
	}
	r := newResolver(t)
	for _, path := range apis.NotFollowed {
		r.pkg("NotFollowed", path)
	}
	for name := range apis.DefaultClientFuncs {
		if !slices.ContainsFunc(apis.Builtin(), func(c apis.Call) bool {
			return c.Pkg == "net/http" && c.Recv == "" && c.Name == name && c.Kind == apis.HTTP
		}) {
			t.Errorf("DefaultClientFuncs %s is not an HTTP call of net/http in Builtin", name)
		}
	}
}

func TestModelledCoversTables(t *testing.T) {
	for _, c := range apis.Builtin() {
		if !apis.Modelled(c.Pkg) {
			t.Errorf("Modelled(%q) = false for a Builtin package", c.Pkg)
		}
	}
	for _, list := range [][]string{pkgsOf(apis.RequestReads), pkgsOfCallbacks(), pkgsOfServerStarts()} {
		for _, p := range list {
			if !apis.Modelled(p) {
				t.Errorf("Modelled(%q) = false", p)
			}
		}
	}
}

func pkgsOf(rs []apis.RequestRead) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Pkg)
	}
	return out
}

func pkgsOfCallbacks() []string {
	var out []string
	for _, c := range apis.Callbacks {
		out = append(out, c.Pkg)
	}
	return out
}

func pkgsOfServerStarts() []string {
	var out []string
	for _, s := range apis.ServerStarts {
		out = append(out, s.Pkg)
	}
	return out
}

func TestClientConstructors(t *testing.T) {
	r := newResolver(t)
	seen := make(map[string]bool)
	for _, k := range apis.ClientConstructors {
		name := entryName(k.Pkg, k.Recv, k.Name)
		if seen[name] {
			t.Errorf("%s appears twice", name)
		}
		seen[name] = true
		if k.Display == "" {
			t.Errorf("%s: no Display for the message", name)
		}
		if apis.LookupClientConstructor(k.Pkg, k.Recv, k.Name) == nil {
			t.Errorf("LookupClientConstructor does not find %s", name)
		}
		fn := r.member(name, k.Pkg, k.Recv, k.Name)
		if fn == nil {
			continue
		}
		res := fn.Type().(*types.Signature).Results()
		if res.Len() != 1 || !(apis.TypeRef{Pkg: "net/http", Name: "Client", Ptr: true}).Matches(res.At(0).Type()) {
			t.Errorf("%s does not return an *http.Client", name)
		}
		if k.CtxKey != "" {
			i := strings.LastIndex(k.CtxKey, ".")
			if pkg := r.pkg(name, k.CtxKey[:i]); pkg == nil {
				continue
			} else if _, ok := pkg.Scope().Lookup(k.CtxKey[i+1:]).(*types.Var); !ok {
				t.Errorf("%s: CtxKey %s is not a package-level variable", name, k.CtxKey)
			}
		}
	}
}

// TestSchemaBuilders checks that every schema builder names a method that
// returns a query, on some type of its package's stub.
func TestSchemaBuilders(t *testing.T) {
	r := newResolver(t)
	for path, names := range apis.SchemaBuilders {
		pkg := r.pkg("SchemaBuilders", path)
		if pkg == nil {
			continue
		}
		for name := range names {
			found := false
			for _, m := range methodsNamed(pkg, name) {
				if m.Signature().Results().Len() == 1 {
					found = true
				}
			}
			if !found {
				t.Errorf("SchemaBuilders: %s declares no method %s returning a query", path, name)
			}
		}
	}
}
