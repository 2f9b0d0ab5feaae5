// Package notimeout defines an Analyzer that reports outbound calls and
// servers that can wait forever.
//
// # Analyzer notimeout
//
// notimeout: report HTTP and database calls and HTTP servers with no timeout or deadline
//
// A service that is fine at 100 requests per second falls over at 10,000
// when one dependency slows down: every request that waits on it holds a
// goroutine, a connection and its memory, and without a timeout nothing
// ever lets go. notimeout reports the places where nothing bounds the wait.
//
// Outbound HTTP:
//
//   - http.Get, http.Head, http.Post and http.PostForm, which send through
//     http.DefaultClient, and http.DefaultClient.Do/Get/Head/Post/PostForm,
//     unless the request's context gets a deadline from context.WithTimeout
//     or context.WithDeadline in the same function, or comes from a
//     context.Context parameter (the caller owns the deadline);
//   - an http.Client built with no Timeout (a composite literal, new or a
//     zero-value variable), unless Timeout is assigned later in the same
//     function or its Transport sets ResponseHeaderTimeout (streaming
//     clients: in its literal, or on a local transport the function
//     configures, such as a clone of http.DefaultTransport), or it is the default a
//     function gives its *http.Client parameter when called with nil
//     (if c == nil { c = &http.Client{} }) and no call in the package
//     passes nil: its callers choose the client, or its Transport dials
//     with deadlines (a DialContext literal that calls SetDeadline on the
//     connection), or every request sent through it has a deadline: a
//     local client only ever given requests built with a context.WithTimeout
//     context, or one kept in an unexported field (directly, or through a
//     local variable only put in the field's literal) that the package
//     only assigns, reads settings of (d.client.Transport) and sends such
//     requests through (ctx, cancel :=
//     context.WithTimeout(ctx, d); ...; d.client.Do(req)). A client whose responses are read as a stream (a
//     scanner, reader or decoder read in a loop, or io.Copy to a
//     ResponseWriter) is told to set Transport.ResponseHeaderTimeout and
//     use a context instead: Client.Timeout would cut the stream. When
//     the client is built in a constructor, the message names it. The
//     suggested fix adds Timeout: 10 * time.Second;
//   - a client a library builds with no Timeout, checked the same way:
//     oauth2.NewClient, oauth2.Config.Client and clientcredentials'
//     Config.Client (unless the context argument carries a client through
//     context.WithValue(ctx, oauth2.HTTPClient, c), whose settings they
//     take), go-cleanhttp's DefaultClient and DefaultPooledClient
//     (internal/apis: ClientConstructors).
//
// Servers:
//
//   - http.ListenAndServe, http.ListenAndServeTLS, http.Serve and
//     http.ServeTLS, whose server has no timeouts (the suggested fix builds
//     an http.Server with ReadHeaderTimeout), gin's Run and RunListener, macaron's and
//     flamego's Run (unless on a loopback host), echo's Start
//     unless the echo server's read timeout is set, and fiber's Listen
//     when the app is built by fiber.New in the same function with no
//     ReadTimeout in its fiber.Config;
//   - an http.Server with neither ReadHeaderTimeout nor ReadTimeout, in the
//     literal or assigned after it. A client that sends headers slowly holds
//     a connection for as long as it likes (Slowloris). The suggested fix
//     adds ReadHeaderTimeout: 10 * time.Second. A server handed to
//     context.WithValue (under http.ServerContextKey, for its ErrorLog)
//     never serves and is not reported.
//
// A server on a loopback address (127.0.0.1:6060, localhost:8080,
// [::1]:9090, or a loopback host with a variable port:
// fmt.Sprintf("127.0.0.1:%d", port): a pprof or metrics listener) takes
// no connections from outside and is left alone.
//
// Contexts:
//
//   - database/sql and sqlx calls without a context (Query, QueryRow, Exec,
//     Prepare, Begin, Ping, Get, Select, Queryx, NamedExec, ...; not
//     Tx.Stmt, whose context would bound only the preparation of the
//     statement on the transaction's connection, at most once per
//     connection, while its execution takes a context of its own) and
//     http.NewRequest, when a context is in scope: a context.Context
//     variable, or an *http.Request, gin, echo or fiber context (fiber's
//     UserContext, Context in v3, which carries a middleware's deadline).
//     A variable holding context.Background() or TODO() itself, or a
//     context.WithoutCancel one, does not count: passing it would change
//     nothing. A request built only to hand to a handler in the process
//     (next.ServeHTTP(w, req), http.Redirect(w, req, url, code)) is never
//     sent and is left alone; so is one given a context later
//     (req.WithContext(ctx)) or handed together with a context to what
//     sends it (Prometheus' client.Do(ctx, req), which attaches it), or
//     sent only through a client of the function's own, or a
//     package-level client of its package that nothing reassigns to
//     anything else, whose literal sets a Timeout, which bounds it; and so
//     are
//     the database calls of set-up code (a package path element, file or
//     function named for migrations, seeds, fixtures, backup, restore or
//     bootstrap, a file named like a versioned migration,
//     20201028212440_add_forgotten_column.go, or a function named like
//     createTables or initSchema) and
//     of start-up code (what only main, init and a command's run call:
//     everywhere in the apilint command, in a main package under go vet):
//     they run once, with no request waiting on them, and their context
//     can only be context.Background().
//     The suggested fix calls the ...Context variant with that context. Where
//     no context is in scope the finding is a note, reported only with
//     -notimeout.all: threading a context through is a larger change, and
//     reporting every such call buries the ones that matter.
//   - context.Background() or context.TODO() passed to a database, datastore
//     or HTTP call inside a request handler, or to a function of the
//     program whose context reaches one (a repository method, a sqlc
//     query): when the client goes away the work goes on. The suggested
//     fix uses the request's context. Work in a goroutine the handler
//     starts is left alone: it must outlive the request. So are fiber
//     handlers, whose context does not end with the request either, and
//     work after a WebSocket upgrade or a hijack (a gorilla, coder or
//     nhooyr upgrade in the handler before the call, or a handler a hub
//     hands the upgraded connection to): the server no longer reads the
//     connection, so the request's context does not end when the client
//     goes away, and passing it would bound nothing.
//   - a request handler that calls a function of the program which runs a
//     database query with no context, directly or through its own calls:
//     the request cannot cancel that query (unless the call comes after a
//     WebSocket upgrade, as above). Reported as an error at the
//     handler's call, with the chain to the query; when the program's
//     database runs in the process (SQLite drivers), where a query holds
//     no connection to a server, as a note with -notimeout.all only. A
//     query without a context inside a dependency (a module the program
//     requires at a version: an ORM's preload) is the dependency's to fix
//     and is not reported; the program's own packages are. Work inside
//     sync.Once's Do runs once per process, not per request (a connection
//     pinged when it is first opened), and is not the handler's either.
//   - a call to a function of the program that sends a request through
//     http.DefaultClient bounded only by a context parameter (directly or
//     through its own calls, followed across packages as facts), when the
//     context passed has no deadline: context.Background(),
//     context.TODO(), or a request's context (r.Context(), a gin.Context),
//     which ends only when the client goes away. Reported at the argument,
//     with the chain to the request. A context from context.WithTimeout
//     (here or in the callee) bounds it; a context parameter passes the
//     question to the callers; a context of unknown origin (a struct
//     field) is left alone. A package that installs a timeout middleware
//     (http.TimeoutHandler, chi's middleware.Timeout, echo's
//     ContextTimeout, gin-contrib/timeout) gives its requests' contexts a
//     deadline; one installed elsewhere is declared with
//     -notimeout.request-deadline.
//   - with a context in scope (warning level: a timeout still bounds
//     them, but the context cannot cancel them): Get, Head, Post and
//     PostForm on an http.Client other than http.DefaultClient (build the
//     request with http.NewRequestWithContext and call Do), and the
//     package-level net.Lookup* functions (the suggested fix calls
//     net.DefaultResolver's method with the context). exec.Command with a
//     context in scope is an error; the fix calls exec.CommandContext.
//     Not when the function runs the command under a timeout of its own:
//     the command handed to a helper together with a time.Duration
//     (runTimeout(cmd, 30*time.Second)), or killed from a timer in the
//     same function (time.AfterFunc, or a select on time.After, that
//     calls cmd.Process.Kill).
//
// Raw connections:
//
//   - net.Dial, which waits for the operating system's connect timeout
//     (minutes), unless it dials this machine (a loopback host, constant
//     or in a fmt.Sprintf format: 127.0.0.1:%d; or a Unix domain socket,
//     net.Dial("unix", path)), or dials UDP, which sends nothing. The
//     suggested fix uses
//     net.DialTimeout.
//   - tls.Dial, which has no connect timeout and no handshake deadline:
//     use tls.DialWithDialer with a net.Dialer that sets Timeout, or a
//     tls.Dialer's DialContext when a context is in scope.
//
// Test files, generated files and test code outside them are not
// checked: test helpers (functions that take a *testing.T, *testing.B or
// testing.TB, wherever they are), constructors of test doubles
// (NewTestClient, newMockStore, NewFakeMailer), test-support files
// (testing.go, testutil.go, mock_store.go, store_mock.go) and test-support
// packages (a path element test, tests, testutil, testhelpers,
// testsupport, mocks, fakes or e2e); and a file that imports a test
// harness (dockertest, testcontainers, testify, gomega or ginkgo).
//
// Code that cannot run is not checked: a branch that constants and
// package variables nothing assigns rule out (if syncPeriod < 30 { return }
// with var syncPeriod = -1, never set), and, in the apilint command, which
// loads the whole program, a function nothing live calls. Live are main,
// init, methods an interface declares, controller methods a framework
// calls by reflection, a library's exported functions (a package no main
// imports, unless it is named for tests: testserver, dbtest, fixtures,
// mocks, fakes), and what
// they call. go vet sees one package at a time, so it
// still reports exported functions nothing calls.
//
// To silence one finding, write //apilint:ignore notimeout <reason> on
// the line or the line above.
package notimeout
