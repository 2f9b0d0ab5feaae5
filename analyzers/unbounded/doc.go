// Package unbounded defines an Analyzer that reports list endpoints that
// return every row and request bodies read with no size cap.
//
// # Analyzer unbounded
//
// unbounded: report list endpoints with no row limit or pagination, and request bodies read without a cap
//
// "No pagination on list endpoints: returning all records because there
// aren't that many yet. There will be." A list endpoint that returns the
// whole table is fast on the day it ships and grows with the table until
// one request reads a million rows into memory and takes the service and
// the database down with it. A handler that reads a request body with no
// cap lets one client do the same by sending gigabytes.
//
// Request handlers are found as the handler model of internal/effects
// finds them:
//
//   - registered with a router apilint knows by type (net/http's ServeMux,
//     chi, gorilla/mux, httprouter, gin, echo v3/v4/v5, fiber v2/v3,
//     macaron, flamego, huma, fasthttp/router, zerodha/fastglue,
//     bunrouter, go-kit's transport);
//   - wrapped by an adapter, learnt from its body in any package: a
//     function that returns a closure calling its function argument with
//     the request (app.handle(fn), withSession(fn), errorHandler(h.index)),
//     or a function that returns a handler and hands its function of a
//     request on to another call, which runs it per request
//     (MakeExternalAPI(name, f) returning
//     util.MakeJSONAPI(util.NewJSONRequestHandler(f))), or a function type
//     whose ServeHTTP calls the value converted to it (appHandler(index));
//   - a closure returned as, converted to or assigned to a handler type
//     (http.HandlerFunc, gin.HandlerFunc, echo.HandlerFunc, go-kit's
//     endpoint.Endpoint: a handler factory's product);
//   - by signature: an *http.Request (or bunrouter's Request, which
//     embeds one) with an http.ResponseWriter in any position and with other parameters or results; a framework's
//     context alone (func(*gin.Context), func(echo.Context) error,
//     func(*fasthttp.RequestCtx), func(*fastglue.Request) error), or
//     with injected arguments for macaron and flamego; a struct embedding
//     a framework's context, or a pointer to a struct with a *http.Request
//     field and an http.ResponseWriter field (a service's own context
//     type: func (s Server) Check(c *Ctx) Response); go-swagger's
//     func(params) middleware.Responder. A function its package only ever
//     calls is a helper, not a handler; an unexported one that its
//     package, which registers routes, never names is dead code;
//   - gRPC and Connect service methods, and the methods of an
//     oapi-codegen strict server (StrictServerInterface);
//   - declared in .apilint.yml, for a service's own router or request type
//     (apis.handlers; apilint explain blocking shows the form).
//
// A function of another package registered here that its own package did
// not take for a handler is reported at the registration.
//
// Unbounded lists. unbounded reports a request handler when it, or a
// function it calls in any package, runs a
// many-row read with no bound whose rows reach the handler's response,
// and the handler reads no pagination input. The rows reach the response
// when every function between the query and the handler returns a
// collection (a slice, map, iterator or result set: a function that
// returns one entity keeps the child rows it loaded, and one returning a
// []byte returns one stored blob), and the handler
// passes them, or what it builds from them, to a call that writes the
// response (json.NewEncoder(w).Encode, c.JSON, a template, any helper
// given the ResponseWriter or framework context; in a controller's
// method, a method of the controller, c.ResponseOk(rows), or its response
// data, c.Data["json"] = rows) or returns them (RPC),
// also inside a response a setter fills (go-swagger's
// resp.SetPayload(rows); return resp, on a response that writes itself).
// Rows used only to filter, validate or fill a map, or to pick one row
// by a constant index (teams[0].ID, a default), are not a list the
// handler returns. The reads are:
//
//   - SQL whose text is known statically (constants, concatenations,
//     fmt.Sprintf with a constant format, clauses joined with
//     strings.Join, parts appended with +=, also when a helper receives it
//     as a parameter, or when the call goes through the service's own
//     interface over a database handle, such as sqlc's DBTX) that is a
//     SELECT with no LIMIT, FETCH
//     FIRST or TOP, is not aggregate-only and is not a lookup by id, run by
//     a many-row API (Query, Select, Queryx, pgx Query, ...); LIMIT -1 and
//     LIMIT ALL are no limit. Single-row APIs (QueryRow, sqlx Get, gorm
//     First and Take) are never unbounded;
//   - query builders and ORMs with no limit in the chain: a squirrel
//     SelectBuilder without Limit, gorm's Find into a slice without Limit,
//     ent's All without Limit, bun's NewSelect ... Scan into a slice
//     without Limit, MongoDB's Find without options.Find().SetLimit.
//     A chain that starts where apilint cannot see (a parameter) or goes
//     through Scopes is given the benefit of the doubt. A Limit after the
//     call that runs the query (db.Find(&o).Offset(n).Limit(size)) limits
//     nothing: Find has read every row already. In a chain through Raw
//     (gorm's db.Raw(sql, args...).Scan(&out), or a wrapper's Raw(ctx,
//     sql, ...)) the SQL text decides, as for database/sql; text apilint
//     cannot read claims nothing.
//
// Pagination input is a query parameter named limit, page, per_page,
// page_size, size, cursor, offset, after, before, next, token, page_token,
// max_results or max_count, compared without case or separators
// (apis.pagination-params in .apilint.yml), read by the handler or any
// function it calls through net/http (URL.Query().Get, FormValue), gin,
// echo or fiber (also through a helper given the parameter's name), or
// bound into a struct field tagged with such a name (by a framework's
// binder, or by any call given the request or its query values and a
// pointer to the struct: decode.All(&opts, r)). JSON:API's bracketed
// names count by their inner name (page[size]) or as page (page[number]).
//
// A LIMIT appended only under a condition (when the request sets a
// limit) leaves the default path unbounded: that is reported as "no
// default limit", whatever pagination input the handler reads.
//
// A LIMIT bound to a page size the client chose (?limit=...) with no
// upper cap before use (min, or a comparison that clamps or rejects it,
// in the handler or in the helper that applies it: if size < 1 || size >
// 100 { size = 10 }) is its own finding, "page size not capped":
// limit=1000000 is the whole table again.
//
// Unbounded request bodies. unbounded reports a handler that reads the
// whole body of the request it serves, directly or through a helper (a
// helper reading the body of whichever request it is handed counts where
// a handler hands it the request it serves, not where it is handed one
// the program built to send with http.NewRequest) (io.ReadAll(r.Body),
// json.NewDecoder(r.Body).Decode, also with the drop-in decoders of
// segmentio/encoding, goccy/go-json and json-iterator, io.Copy from
// r.Body, a go-swagger handler whose generated parameters binder decodes
// the body (BindRequest's route.Consumer.Consume(r.Body, &body), reported
// at the handler); but not a decoder kept in a variable and decoded from
// only inside loops that append nothing, which holds one value of a
// stream at a time (an NDJSON import handing each line on), gin's
// ShouldBindJSON and GetRawData, and gin's Bind and ShouldBind and echo's
// Bind unless every route of the handler is a GET, HEAD or DELETE, for
// which they bind the query string only; the apilint command also knows
// the routes other packages register a handler for, go vet only those
// of its own package), or parses
// a form on a POST, PUT or PATCH route (ParseMultipartForm, FormValue,
// PostFormValue, FormFile, MultipartReader: multipart bodies go to memory
// and temporary files with no total limit; ParseForm alone is not
// reported, since net/http caps the urlencoded body it reads at 10 MB and
// leaves multipart ones unread; a handler that reads a form value and
// also decodes the body is reported for the decode, whatever its route),
// unless the handler wraps the body with
// http.MaxBytesReader or its package registers a server-wide limit
// (http.MaxBytesHandler, echo's middleware.BodyLimit, gin-contrib/size, go-pkgz/rest.SizeLimit, or
// a middleware calling http.MaxBytesReader before handing the request
// on, declared in the package or in one it imports and wrapped around its
// routes: router.Use(mw.MaxBytes), or each route of a gorilla router
// re-wrapped in a Walk, route.HandlerFunc(mw.MaxBytes(route.GetHandler(),
// n))). A server-wide limit installed by another package that imports the
// handlers' (main wrapping the mux with http.MaxBytesHandler, or using such
// a middleware on the whole router: e := gin.New(); e.Use(mw.CopyBody()),
// the same for echo.New, chi.NewRouter and fiber.New, apis.RootRouters;
// a middleware there used on a group caps that package's own routes, and
// the handlers of other packages it is wrapped around where they are
// registered: mux.HandleFunc("PUT /chaos", capped(api.SetChaos)), or used
// on one router, which caps the routes registered on it and on routers
// derived from it: std.Use(handlers.NewMaxBytesHandler(n)); api :=
// std.PathPrefix("/api/").Subrouter(); api.Handle(path, auth(h)), a
// middleware being also a factory that returns a handler type whose
// ServeHTTP caps the body) is seen by the
// apilint command, which loads the
// whole program, but not by the vet tool or golangci-lint, which see one
// package and its imports: there, say so with -unbounded.bodies-capped. The suggested fix wraps the body:
// r.Body = http.MaxBytesReader(w, r.Body, 1<<20). fiber caps bodies at
// 4 MiB by default, as does fasthttp (and fastglue over it), and is not
// reported.
//
// Not reported: queries with a LIMIT (including a clamped page size),
// single-row lookups, query builder chains with a Where condition that
// bounds the rows by itself (Where("value IN (?)", tags), Where("id = ?",
// id): a list the caller supplies, a unique key; beego's
// Filter("id__in", ids) given a list), COUNT(*) and other aggregate-only reads, the values
// of one column (SELECT DISTINCT status FROM orders: a filter's options,
// as many as the column has values, not one per row), unbounded
// reads outside request handlers (batch jobs, commands, migrations,
// start-up), bodies wrapped in MaxBytesReader, reads of
// *http.Response bodies, and a read a helper makes only when a parameter
// equals a constant (if scope == "all", or case "all": of switch scope)
// at calls that pass another constant (GetAllChannels(p, n, "limited")).
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
// To silence one finding, write //apilint:ignore unbounded <reason> on
// the line or the line above.
package unbounded
