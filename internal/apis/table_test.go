package apis_test

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/apis"
)

// noEntry stands for "Lookup finds nothing" in the tables below.
const noEntry apis.Kind = 255

// lookupCalls type-checks a function whose body is stmts, one call per
// statement, and returns what table t finds for each call, in order.
func lookupCalls(t *testing.T, table *apis.Table, imports, decls string, stmts []string) []*apis.Call {
	t.Helper()
	src := "package use\n\nimport (\n" + imports + ")\n\n" + decls + "\n\nfunc use() {\n" + strings.Join(stmts, "\n") + "\n}\n"
	_, info, f := check(t, "example.com/use", src)
	var body *ast.BlockStmt
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "use" {
			body = fd.Body
		}
	}
	var out []*apis.Call
	for _, st := range body.List {
		var call *ast.CallExpr
		ast.Inspect(st, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && call == nil {
				call = c
			}
			return call == nil
		})
		if call == nil {
			t.Fatalf("no call in %s", types.ExprString(st.(*ast.ExprStmt).X))
		}
		c, _ := table.LookupCall(info, call)
		out = append(out, c)
	}
	return out
}

func kindOf(c *apis.Call) apis.Kind {
	if c == nil {
		return noEntry
	}
	return c.Kind
}

const lookupImports = `	"context"
	"database/sql"
	"fmt"
	"net/http"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
`

const lookupDecls = `var (
	ctx  context.Context
	db   *sql.DB
	xdb  *sqlx.DB
	xtx  *sqlx.Tx
	rc   *redis.Client
	pipe redis.Pipeliner
	rp   *redis.Pipeline
	gdb  *gorm.DB
	mine myDB
	v    any
)

// myDB is the program's own type embedding a handle.
type myDB struct{ *sql.DB }`

// TestLookup checks how Lookup resolves calls: through promoted methods,
// with the static receiver's entry winning over the declaring type's,
// "*" entries as the fallback of a receiver, and functions.
func TestLookup(t *testing.T) {
	tests := []struct {
		call string
		want apis.Kind
		why  string
	}{
		{"db.Query(\"q\")", apis.ReadMany, "declared method"},
		{"db.QueryRowContext(ctx, \"q\")", apis.ReadOne, "declared method"},
		{"(*sql.DB).Exec(db, \"q\")", apis.Write, "method expression: the declaring type's entry"},
		{"mine.Query(\"q\")", apis.ReadMany, "promoted from an embedded *sql.DB into the program's type"},
		{"xdb.Select(&v, \"q\")", apis.ReadMany, "sqlx's own method"},
		{"xdb.QueryRow(\"q\")", apis.ReadOne, "promoted from *sql.DB into *sqlx.DB"},
		{"xtx.QueryRowContext(ctx, \"q\")", apis.ReadOne, "promoted from *sql.Tx into *sqlx.Tx"},
		{"rc.Get(ctx, \"k\")", apis.Datastore, "promoted from the unexported cmdable: its \"*\" entry"},
		{"rc.Pipeline()", apis.None, "an exact entry on the static receiver"},
		{"rc.Pipelined(ctx, nil)", apis.BatchSend, "an exact entry on the static receiver"},
		{"pipe.Get(ctx, \"k\")", apis.BatchQueue, "declared by Cmdable (Datastore) but the static receiver Pipeliner wins"},
		{"pipe.Exec(ctx)", apis.BatchSend, "an exact entry wins over the receiver's \"*\""},
		{"rp.Set(ctx, \"k\", 1, 0)", apis.BatchQueue, "promoted from cmdable into *Pipeline: the static receiver wins"},
		{"gdb.Where(\"x\")", apis.None, "gorm's \"*\": a builder step"},
		{"gdb.Find(&v)", apis.ReadMany, "an exact entry wins over \"*\""},
		{"gdb.Where(\"x\").First(&v)", apis.ReadOne, "the outer call of a chain"},
		{"http.Get(\"u\")", apis.HTTP, "package function"},
		{"time.Sleep(time.Second)", apis.Blocking, "package function"},
		{"fmt.Println()", noEntry, "unknown package"},
		{"db.Stats()", noEntry, "known receiver, unknown method, no \"*\""},
		{"func() {}()", noEntry, "no static callee"},
	}
	stmts := make([]string, len(tests))
	for i, tc := range tests {
		stmts[i] = "\t" + tc.call
	}
	got := lookupCalls(t, apis.Default(), lookupImports, lookupDecls, stmts)
	for i, tc := range tests {
		if k := kindOf(got[i]); k != tc.want {
			t.Errorf("%s: Lookup = %v, want %v (%s)", tc.call, k, tc.want, tc.why)
		}
	}
}

func TestLookupStarMatchesMethodsOnly(t *testing.T) {
	// Validate rejects it, but a table holding it must still not treat
	// "*" as every function of a package.
	table := apis.NewTable([]apis.Call{{Pkg: "fmt", Name: "*", Kind: apis.Blocking}})
	got := lookupCalls(t, table, "\t\"fmt\"\n", "", []string{"\tfmt.Println()"})
	if got[0] != nil {
		t.Errorf("fmt.Println matched %+v", got[0])
	}
	if err := (apis.Call{Pkg: "fmt", Name: "*"}).Validate(); err == nil {
		t.Error(`Validate accepts "*" without a type`)
	}
	if (apis.Default().Lookup(nil, nil)) != nil {
		t.Error("Lookup(nil) is not nil")
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		c  apis.Call
		ok bool
	}{
		{apis.Call{Pkg: "p", Name: "F"}, true},
		{apis.Call{Pkg: "p", Recv: "T", Name: "*"}, true},
		{apis.Call{Name: "F"}, false},
		{apis.Call{Pkg: "p"}, false},
		{apis.Call{Pkg: "p", Name: "*"}, false},
	} {
		if err := tc.c.Validate(); (err == nil) != tc.ok {
			t.Errorf("Validate(%+v) = %v, want ok %v", tc.c, err, tc.ok)
		}
	}
}

func TestNewTableLaterReplacesEarlier(t *testing.T) {
	first := []apis.Call{
		{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.ReadOne},
		{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Write},
	}
	second := []apis.Call{{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Blocking, Note: "sends mail"}}
	stmts := []string{"\tc.Deliver(\"a\", \"b\")"}
	imports, decls := "\t\"example.com/mailer\"\n", "var c *mailer.Client"

	table := apis.NewTable(first)
	if table.Len() != 1 {
		t.Errorf("Len = %d, want 1", table.Len())
	}
	if got := lookupCalls(t, table, imports, decls, stmts)[0]; kindOf(got) != apis.Write {
		t.Errorf("within a group: %v, want the later write", kindOf(got))
	}
	table = apis.NewTable(first, second)
	if got := lookupCalls(t, table, imports, decls, stmts)[0]; kindOf(got) != apis.Blocking || got.Note != "sends mail" {
		t.Errorf("across groups: %+v, want the later blocking entry", got)
	}

	// The table keeps copies: changing the caller's slice changes nothing.
	second[0].Kind = apis.None
	if got := lookupCalls(t, table, imports, decls, stmts)[0]; kindOf(got) != apis.Blocking {
		t.Errorf("after the caller's slice changed: %v", kindOf(got))
	}
}

func TestNewWithExtensions(t *testing.T) {
	base := apis.New(apis.Extensions{})
	if base.Len() != apis.Default().Len() {
		t.Errorf("New(Extensions{}).Len() = %d, want %d", base.Len(), apis.Default().Len())
	}
	if !slices.Equal(base.InterfaceSuffixes(), apis.InterfaceSuffixes) || !base.IsPagination("limit") {
		t.Error("New(Extensions{}) does not keep the builtin names")
	}

	interfaces := []string{"Gateway"}
	ext := apis.Extensions{
		Calls: []apis.Call{
			{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Blocking},
			// Replaces the builtin read-many entry.
			{Pkg: "database/sql", Recv: "DB", Name: "Query", Kind: apis.Write},
			// A configured many-row read gets its bound rule.
			{Pkg: "database/sql", Recv: "Conn", Name: "Raw", Kind: apis.ReadMany},
		},
		PaginationParams: []string{"pg"},
		Interfaces:       interfaces,
	}
	table := apis.New(ext)
	interfaces[0] = "Changed"
	if got, want := table.Len(), apis.Default().Len()+2; got != want {
		t.Errorf("Len = %d, want %d (one added call replaces a builtin)", got, want)
	}
	got := lookupCalls(t, table, "\t\"database/sql\"\n\t\"example.com/mailer\"\n", "var (\n\tc *mailer.Client\n\tdb *sql.DB\n\tconn *sql.Conn\n)",
		[]string{"\tc.Deliver(\"a\", \"b\")", "\tdb.Query(\"q\")", "\tconn.Raw(nil)", "\tdb.QueryContext(nil, \"q\")"})
	if kindOf(got[0]) != apis.Blocking {
		t.Errorf("added call: %v", kindOf(got[0]))
	}
	if kindOf(got[1]) != apis.Write {
		t.Errorf("replaced call: %v, want write", kindOf(got[1]))
	}
	if got[2] == nil || apis.BoundOf(got[2]) != apis.BoundSQL {
		t.Errorf("configured database/sql read: %+v, want bound by its SQL", got[2])
	}
	if kindOf(got[3]) != apis.ReadMany {
		t.Errorf("untouched builtin: %v", kindOf(got[3]))
	}
	if !slices.Equal(table.InterfaceSuffixes(), []string{"Gateway"}) {
		t.Errorf("InterfaceSuffixes = %v, want [Gateway] (replaced, and copied)", table.InterfaceSuffixes())
	}
	if !table.IsPagination("pg") || table.IsPagination("limit") {
		t.Error("PaginationParams are not replaced")
	}
	if !table.IsPageSize("limit") {
		t.Error("replacing PaginationParams changed the page size names")
	}
	// The builtin table is not changed by an extension.
	if got := lookupCalls(t, apis.Default(), "\t\"database/sql\"\n", "var db *sql.DB", []string{"\tdb.Query(\"q\")"}); kindOf(got[0]) != apis.ReadMany {
		t.Errorf("Default() after New: %v", kindOf(got[0]))
	}

	// An empty list is a setting too: nothing is a pagination parameter.
	if apis.New(apis.Extensions{PaginationParams: []string{}}).IsPagination("limit") {
		t.Error("an empty PaginationParams does not replace the builtin names")
	}
}

func TestParamNames(t *testing.T) {
	table := apis.Default()
	for _, tc := range []struct {
		name               string
		pagination, paging bool
	}{
		{"per_page", true, true},
		{"perPage", true, true},
		{"per-page", true, true},
		{"PER_PAGE", true, true},
		{"PageSize", true, true},
		{"page-size", true, true},
		{"limit", true, true},
		{"cursor", true, false},
		{"pageToken", true, false},
		{"offset", true, false},
		{"count", false, true},
		{"first", false, true},
		{"pages", false, false},
		{"per__page", true, true},
		{"", false, false},
		{"id", false, false},
	} {
		if got := table.IsPagination(tc.name); got != tc.pagination {
			t.Errorf("IsPagination(%q) = %v, want %v", tc.name, got, tc.pagination)
		}
		if got := table.IsPageSize(tc.name); got != tc.paging {
			t.Errorf("IsPageSize(%q) = %v, want %v", tc.name, got, tc.paging)
		}
	}
}

func TestEffectful(t *testing.T) {
	configured := apis.New(apis.Extensions{Calls: []apis.Call{
		{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Blocking},
		{Pkg: "example.com/builder", Recv: "Q", Name: "Where", Kind: apis.None},
		{Pkg: "example.com/batch", Recv: "B", Name: "Queue", Kind: apis.BatchQueue},
	}})
	for _, tc := range []struct {
		table *apis.Table
		path  string
		want  bool
		why   string
	}{
		{apis.Default(), "github.com/redis/go-redis/v9", true, "datastore calls"},
		{apis.Default(), "os/exec", false, "the standard library's slow calls do not make a dependency worth summarising"},
		{apis.Default(), "net/http", false, "nearly every module imports net/http"},
		{apis.Default(), "database/sql", true, "the standard library's database"},
		{apis.Default(), "github.com/gin-gonic/gin", true, "a server start"},
		{apis.Default(), "github.com/labstack/echo/v4/middleware", true, "a body limit"},
		{apis.Default(), "time", false, "time.Sleep blocks, but nearly every library imports time (NotFollowed)"},
		{apis.Default(), "fmt", false, "not in the tables"},
		{apis.Default(), "io", false, "a request read alone reaches nothing"},
		{apis.Default(), "example.com/mailer", false, "not configured"},
		{configured, "example.com/mailer", true, "configured as blocking"},
		{configured, "example.com/builder", false, "configured only as a builder step"},
		{configured, "example.com/batch", false, "configured only as a batch queue"},
		{configured, "database/sql", true, "builtin knowledge kept"},
	} {
		if got := tc.table.Effectful(tc.path); got != tc.want {
			t.Errorf("Effectful(%q) = %v, want %v: %s", tc.path, got, tc.want, tc.why)
		}
	}
}

// entryMatchesRule reports whether rule applies to c, as BoundRules say.
func entryMatchesRule(rule apis.BoundRule, c apis.Call) bool {
	return c.Kind == apis.ReadMany && rule.Pkg == c.Pkg &&
		(rule.Recv == "" || rule.Recv == c.Recv) && (rule.Name == "" || rule.Name == c.Name)
}

// TestBoundOf looks up, for each bound rule, a many-row read the rule
// decides (one no earlier rule matches), through the stubs, and checks
// the bound the table gives it.
func TestBoundOf(t *testing.T) {
	u := loadUniverse()
	for i, rule := range apis.BoundRules {
		var entry *apis.Call
		for _, c := range apis.Builtin() {
			if !entryMatchesRule(rule, c) || known(callName(c)) {
				continue
			}
			if slices.ContainsFunc(apis.BoundRules[:i], func(r apis.BoundRule) bool { return entryMatchesRule(r, c) }) {
				continue
			}
			entry = &c
			break
		}
		if entry == nil {
			t.Errorf("BoundRules[%d] decides no Builtin read", i)
			continue
		}
		p, err := u.Import(entry.Pkg)
		if err != nil {
			t.Error(err)
			continue
		}
		fn := lookupMember(p, entry.Recv, entry.Name)
		if fn == nil {
			t.Errorf("%s does not resolve", callName(*entry))
			continue
		}
		var recv types.Type
		if entry.Recv != "" {
			recv = p.Scope().Lookup(entry.Recv).Type()
			if !types.IsInterface(recv) {
				recv = types.NewPointer(recv)
			}
		}
		got := apis.Default().Lookup(fn, recv)
		if got == nil || apis.BoundOf(got) != rule.Bound {
			t.Errorf("BoundOf(Lookup(%s)) = %v, want %v (rule %d)", callName(*entry), apis.BoundOf(got), rule.Bound, i)
		}
	}

	if apis.BoundOf(nil) != apis.NoBound {
		t.Error("BoundOf(nil) is a bound")
	}
	if apis.BoundOf(&apis.Call{Kind: apis.ReadOne, Bound: apis.BoundSQL}) != apis.NoBound {
		t.Error("BoundOf of a single-row read is a bound")
	}
	// Reads no rule decides.
	got := lookupCalls(t, apis.Default(), "\t\"context\"\n\t\"github.com/uptrace/bun\"\n\t\"go.mongodb.org/mongo-driver/mongo\"\n\t\"gorm.io/gorm\"\n",
		"var (\n\tctx context.Context\n\tq *bun.SelectQuery\n\tcoll *mongo.Collection\n\tgdb *gorm.DB\n)",
		[]string{"\tq.Rows(ctx)", "\tcoll.Aggregate(ctx, nil)", "\tgdb.Rows()", "\tgdb.First(nil)"})
	for i, want := range []apis.Bound{apis.NoBound, apis.NoBound, apis.NoBound, apis.NoBound} {
		if apis.BoundOf(got[i]) != want {
			t.Errorf("call %d: BoundOf = %v, want %v", i, apis.BoundOf(got[i]), want)
		}
	}
}

const entLike = `package entlike

import (
	"context"

	"entgo.io/ent"
)

var _ ent.Hook

type User struct{}

type UserQuery struct{}

func (q *UserQuery) Where(ps ...func()) *UserQuery             { return q }
func (q *UserQuery) All(ctx context.Context) ([]*User, error)  { return nil, nil }
func (q *UserQuery) AllX(ctx context.Context) []*User          { return nil }
func (q *UserQuery) IDs(ctx context.Context) ([]int, error)    { return nil, nil }
func (q *UserQuery) First(ctx context.Context) (*User, error)  { return nil, nil }
func (q *UserQuery) Exist(ctx context.Context) (bool, error)   { return false, nil }

type UserCreate struct{}

func (c *UserCreate) Save(ctx context.Context) (*User, error) { return nil, nil }

type UserUpdateOne struct{}

func (u *UserUpdateOne) Exec(ctx context.Context) error { return nil }

type UserClient struct{}

func (c *UserClient) Get(ctx context.Context, id int) (*User, error) { return nil, nil }

// Query is named like the suffix itself: not a generated client.
type Query struct{}

func (q *Query) All(ctx context.Context) ([]*User, error) { return nil, nil }
`

func TestGeneratedLookup(t *testing.T) {
	u := loadUniverse()
	entPkg, _, _ := check(t, "example.com/entlike", entLike)
	// The same types in a package that does not import ent's runtime.
	plain := strings.NewReplacer("\t\"entgo.io/ent\"\n", "", "var _ ent.Hook\n", "").Replace(entLike)
	plainPkg, _, _ := check(t, "example.com/plain", plain)
	gen, err := u.Import("entgen") // the stubs' generated client
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		pkg         *types.Package
		recv, name  string
		want        apis.Kind
		bound       apis.Bound
		description string
	}{
		{entPkg, "UserQuery", "All", apis.ReadMany, apis.BoundChain, "a many-row read bounded by the query chain"},
		{entPkg, "UserQuery", "AllX", apis.ReadMany, apis.BoundChain, "its X twin"},
		{entPkg, "UserQuery", "IDs", apis.ReadMany, apis.BoundChain, "ids"},
		{entPkg, "UserQuery", "First", apis.ReadOne, apis.NoBound, "one row"},
		{entPkg, "UserQuery", "Exist", apis.ReadOne, apis.NoBound, "one row"},
		{entPkg, "UserQuery", "Where", noEntry, apis.NoBound, "a builder step"},
		{entPkg, "UserCreate", "Save", apis.Write, apis.NoBound, "a write"},
		{entPkg, "UserUpdateOne", "Exec", apis.Write, apis.NoBound, "a write"},
		{entPkg, "UserClient", "Get", apis.ReadOne, apis.NoBound, "the client's Get"},
		{entPkg, "Query", "All", noEntry, apis.NoBound, "a type named only the suffix"},
		{plainPkg, "UserQuery", "All", noEntry, apis.NoBound, "no ent runtime imported"},
		{gen, "UserQuery", "All", apis.ReadMany, apis.BoundChain, "the stubs' ent client"},
		{gen, "UserQuery", "Limit", noEntry, apis.NoBound, "a builder step"},
		{gen, "UserClient", "Get", apis.ReadOne, apis.NoBound, "the stubs' ent client"},
	} {
		fn := lookupMember(tc.pkg, tc.recv, tc.name)
		if fn == nil {
			t.Fatalf("%s.%s.%s does not resolve", tc.pkg.Path(), tc.recv, tc.name)
		}
		recv := types.NewPointer(tc.pkg.Scope().Lookup(tc.recv).Type())
		got := apis.Default().Lookup(fn, recv)
		if kindOf(got) != tc.want || apis.BoundOf(got) != tc.bound {
			t.Errorf("%s.%s.%s (%s): kind %v bound %v, want %v %v", tc.pkg.Path(), tc.recv, tc.name, tc.description,
				kindOf(got), apis.BoundOf(got), tc.want, tc.bound)
		}
		if got != nil && (!got.Generated || got.Pkg != tc.pkg.Path() || got.Recv != tc.recv) {
			t.Errorf("%s.%s: entry %+v is not marked generated for its package", tc.recv, tc.name, got)
		}
		if got != nil && !apis.ReturnsRows(got) {
			t.Errorf("%s.%s: ReturnsRows = false for a generated client", tc.recv, tc.name)
		}
	}
}

func TestModelled(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"database/sql", true},
		{"net/http", true},
		{"github.com/gin-gonic/gin", true},    // request reads, server starts
		{"slices", true},                      // callbacks
		{"github.com/gofiber/fiber/v2", true}, // server starts
		{"time", true},                        // time.Sleep
		{"fmt", false},
		{"example.com/mailer", false},
		{"entgo.io/ent", false}, // generated clients are the program's code
	} {
		if got := apis.Modelled(tc.path); got != tc.want {
			t.Errorf("Modelled(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestFuncNameAndKey(t *testing.T) {
	u := loadUniverse()
	member := func(path, recv, name string) *types.Func {
		p, err := u.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		fn := lookupMember(p, recv, name)
		if fn == nil {
			t.Fatalf("%s %s %s does not resolve", path, recv, name)
		}
		return fn
	}
	for _, tc := range []struct {
		fn                       *types.Func
		name                     string
		keyPkg, keyRecv, keyName string
	}{
		{member("database/sql", "DB", "Query"), "(*sql.DB).Query", "database/sql", "DB", "Query"},
		{member("github.com/jackc/pgx/v5", "Tx", "Exec"), "(pgx.Tx).Exec", "github.com/jackc/pgx/v5", "Tx", "Exec"},
		{member("net/http", "", "Get"), "http.Get", "net/http", "", "Get"},
		// Promoted: the key names the declaring type.
		{member("github.com/redis/go-redis/v9", "Client", "Get"), "(redis.cmdable).Get", "github.com/redis/go-redis/v9", "cmdable", "Get"},
		{member("github.com/jmoiron/sqlx", "DB", "QueryRow"), "(*sql.DB).QueryRow", "database/sql", "DB", "QueryRow"},
		// Declared by an embedded interface.
		{member("github.com/redis/go-redis/v9", "Pipeliner", "Get"), "(redis.Cmdable).Get", "github.com/redis/go-redis/v9", "Cmdable", "Get"},
	} {
		if got := apis.FuncName(tc.fn); got != tc.name {
			t.Errorf("FuncName = %q, want %q", got, tc.name)
		}
		if p, r, n := apis.FuncKey(tc.fn); p != tc.keyPkg || r != tc.keyRecv || n != tc.keyName {
			t.Errorf("FuncKey(%s) = %q %q %q, want %q %q %q", tc.name, p, r, n, tc.keyPkg, tc.keyRecv, tc.keyName)
		}
	}
	if got := apis.FuncName(types.Universe.Lookup("error").Type().Underlying().(*types.Interface).Method(0)); got != "(error).Error" {
		t.Errorf("FuncName(error.Error) = %q, want (error).Error", got)
	}
}

func TestTypeRefs(t *testing.T) {
	pkg, _, _ := check(t, "example.com/refs", `package refs

import (
	"context"
	"net/http"
)

type Req = http.Request
type MyCtx context.Context

var (
	r     *http.Request
	alias *Req
	plain http.Request
	ctx   context.Context
	mine  MyCtx
	err   error
	s     string
)
`)
	typeOf := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	req := apis.TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}
	for _, tc := range []struct {
		ref  apis.TypeRef
		v    string
		want bool
	}{
		{req, "r", true},
		{req, "alias", true},
		{req, "plain", false},
		{apis.TypeRef{Pkg: "net/http", Name: "Request"}, "plain", true},
		{apis.TypeRef{Pkg: "net/http", Name: "Request"}, "r", false},
		{apis.TypeRef{Name: "error"}, "err", true},
		{apis.TypeRef{Name: "error"}, "s", false},
		{apis.TypeRef{Pkg: "context", Name: "Context"}, "ctx", true},
		{apis.TypeRef{Pkg: "context", Name: "Context"}, "mine", false},
	} {
		if got := tc.ref.Matches(typeOf(tc.v)); got != tc.want {
			t.Errorf("%+v.Matches(%s %v) = %v, want %v", tc.ref, tc.v, typeOf(tc.v), got, tc.want)
		}
	}
	if !apis.IsContext(typeOf("ctx")) || apis.IsContext(typeOf("mine")) {
		t.Error("IsContext")
	}
	if p, n := apis.NamedOf(typeOf("alias")); p != "" || n != "" {
		t.Errorf("NamedOf(pointer) = %q %q, want nothing (pointers are not followed)", p, n)
	}
	if p, n := apis.NamedOf(apis.Deref(typeOf("alias"))); p != "net/http" || n != "Request" {
		t.Errorf("NamedOf(Deref(*Req)) = %q %q", p, n)
	}
	if p, n := apis.NamedOf(typeOf("err")); p != "" || n != "error" {
		t.Errorf("NamedOf(error) = %q %q", p, n)
	}
	if apis.ContextSourceOf(typeOf("s")) != nil {
		t.Error("ContextSourceOf(string) is a source")
	}
	if cs := apis.ContextSourceOf(typeOf("r")); cs == nil || !cs.Request || cs.Expr != "%s.Context()" {
		t.Errorf("ContextSourceOf(*http.Request) = %+v", cs)
	}
}

func TestLookupHelpers(t *testing.T) {
	if apis.LookupCallback("sync", "WaitGroup", "Wait") != nil {
		t.Error("LookupCallback finds WaitGroup.Wait")
	}
	if c := apis.LookupCallback("sync", "Once", "Do"); c == nil || c.Arg != 0 || c.Loop {
		t.Errorf("LookupCallback(sync.Once.Do) = %+v", c)
	}
	if c := apis.LookupCallback("slices", "", "SortFunc"); c == nil || !c.Loop {
		t.Errorf("LookupCallback(slices.SortFunc) = %+v", c)
	}
	if apis.LookupServerStart("net/http", "Server", "ListenAndServe") != nil {
		t.Error("(*http.Server).ListenAndServe is taken for a server without timeouts")
	}
	if s := apis.LookupServerStart("github.com/labstack/echo/v4", "Echo", "Start"); s == nil || s.ServerField != "Server" {
		t.Errorf("LookupServerStart(echo Start) = %+v", s)
	}
	if got := apis.LookupRequestReads("github.com/gin-gonic/gin", "Context", "Bind"); len(got) != 2 {
		t.Errorf("gin's Bind reads the query and the body; LookupRequestReads = %+v", got)
	}
	if got := apis.LookupRequestReads("github.com/gin-gonic/gin", "Context", "Param"); got != nil {
		t.Errorf("LookupRequestReads(gin Param) = %+v", got)
	}
	if !apis.IsWaiter("sync", "WaitGroup", "Wait") || apis.IsWaiter("sync", "WaitGroup", "Add") {
		t.Error("IsWaiter")
	}
	if !apis.IsResponseWriter("github.com/gin-gonic/gin", "Context", "JSON") {
		t.Error(`IsResponseWriter: gin's "*" does not match JSON`)
	}
	if !apis.IsRowIterator("database/sql", "Rows", "Next") || apis.IsRowIterator("database/sql", "Rows", "Scan") {
		t.Error("IsRowIterator")
	}
	if !apis.IsBodyLimit("net/http", "", "MaxBytesReader") || apis.IsBodyLimit("net/http", "", "ReadAll") {
		t.Error("IsBodyLimit")
	}
	if !apis.ReturnsRows(&apis.Call{Pkg: "github.com/Masterminds/squirrel"}) || apis.ReturnsRows(&apis.Call{Pkg: "gorm.io/gorm"}) {
		t.Error("ReturnsRows")
	}
}

// JSON:API's bracketed names are pagination parameters by their inner
// name, or by page; other bracketed names are not.
func TestBracketedPagination(t *testing.T) {
	table := apis.Default()
	for name, want := range map[string]bool{
		"page[size]": true, "page[number]": true, "page[cursor]": true, "page[offset]": true,
		"filter[name]": false, "sort[by]": false, "per_page": true,
	} {
		if got := table.IsPagination(name); got != want {
			t.Errorf("IsPagination(%q) = %v, want %v", name, got, want)
		}
	}
}
