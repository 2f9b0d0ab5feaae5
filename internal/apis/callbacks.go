package apis

import (
	"go/ast"
	"go/types"
	"slices"
)

// Callback is a library function or method that calls one of its
// function arguments: a transaction wrapper, a goroutine group, a
// collection helper.
type Callback struct {
	Pkg, Recv, Name string
	// Arg is the index of the function argument it calls.
	Arg int
	// Loop is set when the argument runs once per element of a collection.
	Loop bool
	// Concurrent is set when the argument runs in a goroutine of its own
	// (a goroutine group): calls made that way in a loop overlap.
	Concurrent bool
	// Once is set when the argument runs at most once per process
	// (sync.Once's Do): what it does is no cost of the caller's calls
	// after the first, so it is not the caller's effect.
	Once bool
}

// Callbacks lists the library calls that run a function argument. Calls
// to the user's own higher-order functions are learnt from their bodies
// (see internal/effects); these are the ones whose bodies apilint does not
// read. Goroutine groups run the function concurrently but their callers
// wait (Wait), so the work stays on the caller's path.
var Callbacks = []Callback{
	{Pkg: "golang.org/x/sync/errgroup", Recv: "Group", Name: "Go", Arg: 0, Concurrent: true},
	{Pkg: "golang.org/x/sync/errgroup", Recv: "Group", Name: "TryGo", Arg: 0, Concurrent: true},
	{Pkg: "sync", Recv: "WaitGroup", Name: "Go", Arg: 0, Concurrent: true},
	{Pkg: "sync", Recv: "Once", Name: "Do", Arg: 0, Once: true},
	{Pkg: "gorm.io/gorm", Recv: "DB", Name: "Transaction", Arg: 0},
	{Pkg: "xorm.io/xorm", Recv: "Engine", Name: "Transaction", Arg: 0},
	{Pkg: "github.com/xorm-io/xorm", Recv: "Engine", Name: "Transaction", Arg: 0},
	{Pkg: "github.com/beego/beego/v2/client/orm", Recv: "Ormer", Name: "DoTx", Arg: 0},
	{Pkg: "github.com/beego/beego/v2/client/orm", Recv: "Ormer", Name: "DoTxWithCtx", Arg: 1},
	{Pkg: "github.com/beego/beego/v2/client/orm", Recv: "Ormer", Name: "DoTxWithOpts", Arg: 1},
	{Pkg: "github.com/beego/beego/v2/client/orm", Recv: "Ormer", Name: "DoTxWithCtxAndOpts", Arg: 2},
	{Pkg: "github.com/jackc/pgx/v5", Name: "BeginFunc", Arg: 2},
	{Pkg: "github.com/jackc/pgx/v5", Name: "BeginTxFunc", Arg: 3},
	{Pkg: "github.com/jackc/pgx/v4", Recv: "Conn", Name: "BeginFunc", Arg: 1},
	{Pkg: "github.com/jackc/pgx/v4", Recv: "Conn", Name: "BeginTxFunc", Arg: 2},
	{Pkg: "github.com/jackc/pgx/v4", Recv: "Tx", Name: "BeginFunc", Arg: 1},
	{Pkg: "github.com/jackc/pgx/v4/pgxpool", Recv: "Pool", Name: "BeginFunc", Arg: 1},
	{Pkg: "github.com/jackc/pgx/v4/pgxpool", Recv: "Pool", Name: "BeginTxFunc", Arg: 2},
	{Pkg: "slices", Name: "SortFunc", Arg: 1, Loop: true},
	{Pkg: "slices", Name: "SortStableFunc", Arg: 1, Loop: true},
	{Pkg: "slices", Name: "IndexFunc", Arg: 1, Loop: true},
	{Pkg: "slices", Name: "ContainsFunc", Arg: 1, Loop: true},
	{Pkg: "slices", Name: "DeleteFunc", Arg: 1, Loop: true},
	{Pkg: "sort", Name: "Slice", Arg: 1, Loop: true},
	{Pkg: "sort", Name: "SliceStable", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "Map", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "FilterMap", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "FlatMap", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "ForEach", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "Filter", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "Reduce", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "GroupBy", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "KeyBy", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo", Name: "Associate", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo/parallel", Name: "Map", Arg: 1, Loop: true},
	{Pkg: "github.com/samber/lo/parallel", Name: "ForEach", Arg: 1, Loop: true},
}

// CallbackOf returns the callback entry for call's callee, looked up by
// the receiver's own named type first (CallKey), then by the declaring
// one (FuncKey), or nil.
func CallbackOf(info *types.Info, call *ast.CallExpr) *Callback {
	fn, recv := Callee(info, call)
	if fn == nil {
		return nil
	}
	if cb := LookupCallback(CallKey(fn, recv)); cb != nil {
		return cb
	}
	return LookupCallback(FuncKey(fn))
}

// LookupCallback returns the callback entry for pkg.recv.name, or nil.
func LookupCallback(pkg, recv, name string) *Callback {
	for i := range Callbacks {
		c := &Callbacks[i]
		if c.Pkg == pkg && c.Recv == recv && c.Name == name {
			return c
		}
	}
	return nil
}

// Waiters are the methods that wait for goroutines started with go
// statements: a function that calls one is taken to wait for the
// goroutines it starts.
var Waiters = []Call{
	{Pkg: "sync", Recv: "WaitGroup", Name: "Wait"},
	{Pkg: "golang.org/x/sync/errgroup", Recv: "Group", Name: "Wait"},
}

// IsWaiter reports whether pkg.recv.name is in Waiters.
func IsWaiter(pkg, recv, name string) bool {
	return has(Waiters, pkg, recv, name)
}

// Upgrades hand the request's connection over to the handler: a
// WebSocket upgrade, a hijacked connection. The server stops reading the
// connection, so the request's context no longer ends when the client
// goes away (net/http cancels it only when the handler returns).
var Upgrades = []Call{
	{Pkg: "net/http", Recv: "Hijacker", Name: "Hijack"},
	{Pkg: "net/http", Recv: "ResponseController", Name: "Hijack"},
	{Pkg: "github.com/gorilla/websocket", Recv: "Upgrader", Name: "Upgrade"},
	{Pkg: "nhooyr.io/websocket", Name: "Accept"},
	{Pkg: "github.com/coder/websocket", Name: "Accept"},
	{Pkg: "github.com/gofiber/contrib/websocket", Name: "New"},
}

// UpgradedConns are the connections an upgrade yields (Upgrades): a
// function that is handed one runs after the upgrade.
var UpgradedConns = []TypeRef{
	{Pkg: "github.com/gorilla/websocket", Name: "Conn", Ptr: true},
	{Pkg: "nhooyr.io/websocket", Name: "Conn", Ptr: true},
	{Pkg: "github.com/coder/websocket", Name: "Conn", Ptr: true},
	{Pkg: "github.com/gofiber/contrib/websocket", Name: "Conn", Ptr: true},
	{Pkg: "golang.org/x/net/websocket", Name: "Conn", Ptr: true},
}

// Takeovers turn a request into a long-lived connection: an upgrade
// (Upgrades), or a streamed response. A handler that calls one serves the
// connection for as long as it lives (a terminal, a stream), and waiting
// is its job, not work that delays a response.
var Takeovers = append(slices.Clone(Upgrades),
	// Flushing a partial response streams it (server-sent events, a log
	// tail): the handler holds the connection and writes as events come,
	// and a sleep between writes paces the stream.
	Call{Pkg: "net/http", Recv: "Flusher", Name: "Flush"},
	Call{Pkg: "net/http", Recv: "ResponseController", Name: "Flush"},
	Call{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Stream"},
	Call{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "SSEvent"},
	Call{Pkg: "github.com/labstack/echo/v4", Recv: "Response", Name: "Flush"},
)

// IsUpgrade reports whether pkg.recv.name is in Upgrades.
func IsUpgrade(pkg, recv, name string) bool {
	return has(Upgrades, pkg, recv, name)
}

// HoldsUpgradedConn reports whether t is a connection an upgrade yields
// (UpgradedConns), or a pointer to a struct with a field that is one (a
// service's own connection wrapper).
func HoldsUpgradedConn(t types.Type) bool {
	is := func(t types.Type) bool {
		return slices.ContainsFunc(UpgradedConns, func(ref TypeRef) bool { return ref.Matches(t) })
	}
	if is(t) {
		return true
	}
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if is(f.Type()) {
			return true
		}
	}
	return false
}

// IsTakeover reports whether pkg.recv.name is in Takeovers.
func IsTakeover(pkg, recv, name string) bool {
	return has(Takeovers, pkg, recv, name)
}
