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
// Unbounded lists. unbounded reports a request handler (net/http, chi,
// httprouter, gin, echo and fiber handlers; gRPC and Connect service
// methods) when it, or a function it calls in any package, runs a
// many-row read with no bound whose rows reach the handler's response,
// and the handler reads no pagination input. The rows reach the response
// when every function between the query and the handler returns a
// collection (a slice, map, iterator or result set: a function that
// returns one entity keeps the child rows it loaded), and the handler
// passes them, or what it builds from them, to a call that writes the
// response (json.NewEncoder(w).Encode, c.JSON, a template, any helper
// given the ResponseWriter or framework context) or returns them (RPC).
// Rows used only to filter, validate or fill a map are not a list the
// handler returns. The reads are:
//
//   - SQL whose text is known statically (constants, concatenations of
//     constants, fmt.Sprintf with a constant format, also when a helper
//     receives it as a parameter) that is a SELECT with no LIMIT, FETCH
//     FIRST or TOP, is not aggregate-only and is not a lookup by id, run by
//     a many-row API (Query, Select, Queryx, pgx Query, ...); LIMIT -1 and
//     LIMIT ALL are no limit. Single-row APIs (QueryRow, sqlx Get, gorm
//     First and Take) are never unbounded;
//   - query builders and ORMs with no limit in the chain: a squirrel
//     SelectBuilder without Limit, gorm's Find into a slice without Limit,
//     ent's All without Limit, bun's NewSelect ... Scan into a slice
//     without Limit, MongoDB's Find without options.Find().SetLimit.
//     A chain that starts where apilint cannot see (a parameter) or goes
//     through Scopes is given the benefit of the doubt.
//
// Pagination input is a query parameter named limit, page, per_page,
// page_size, size, cursor, offset, after, before, next, token, page_token,
// max_results or max_count, compared without case or separators
// (apis.pagination-params in .apilint.yml), read by the handler or any
// function it calls through net/http (URL.Query().Get, FormValue), gin,
// echo or fiber (also through a helper given the parameter's name), or
// bound into a struct field tagged with such a name.
//
// A LIMIT bound to a page size the client chose (?limit=...) with no
// upper cap before use (min, or a comparison that clamps or rejects it)
// is its own finding, "page size not capped": limit=1000000 is the whole
// table again.
//
// Unbounded request bodies. unbounded reports a handler that reads the
// whole body, directly or through a helper (io.ReadAll(r.Body),
// json.NewDecoder(r.Body).Decode, io.Copy from r.Body, gin's
// Bind, ShouldBind, ShouldBindJSON and GetRawData, echo's Bind), unless
// the handler wraps the body with http.MaxBytesReader or the package (in
// the apilint command, the program) registers a server-wide limit
// (http.MaxBytesHandler, echo's middleware.BodyLimit, gin-contrib/size, or
// a middleware calling http.MaxBytesReader on a request's body). The
// suggested fix wraps the body: r.Body = http.MaxBytesReader(w, r.Body, 1<<20).
// fiber caps bodies at 4 MiB by default and is not reported.
//
// Not reported: queries with a LIMIT (including a clamped page size),
// single-row lookups, COUNT(*) and other aggregate-only reads, unbounded
// reads outside request handlers (batch jobs, commands, migrations,
// start-up), bodies wrapped in MaxBytesReader, and reads of
// *http.Response bodies.
//
// To silence one finding, write //apilint:ignore unbounded <reason> on
// the line or the line above.
package unbounded
