// Package effects defines an Analyzer that summarises, for every function
// and method, what calling it may do: query a database (reading many rows,
// one row, or writing), reach a datastore, send an HTTP request, or block
// (sleep, mail, run a command), each with the shortest call chain that
// shows it; and which functions of the package are request handlers. The
// summaries are exported as facts, so they cross package boundaries under
// every driver (apilint, go vet, golangci-lint), and are the Result that
// the apilint analyzers read.
//
// # Analyzer effects
//
// effects: summarise the database, HTTP and blocking effects of functions
//
// # The model
//
// A finding starts as a library call that the knowledge tables
// (internal/apis) know, and travels to the function that reports it:
//
//   - Nodes (graph.go): one per function declaration and function
//     literal of the package, and one per method of the package's
//     interfaces, standing for its implementations here.
//   - Edges (scan.go): each call in a node's body becomes an edge to a
//     target, with what the call site adds: the loop it sits in, whether it
//     runs in a goroutine nobody waits for, the arguments (a constant SQL
//     text, the caller's own parameter), and for function values passed to
//     a callee, whether the callee calls them, once per element or not.
//   - Targets: another node; a function of another package, whose Summary
//     comes from its fact (or, in the apilint command, from the whole
//     program); or a library call, whose Effect the tables give. Calls
//     through interfaces resolve to a database handle's method (sqlc's
//     DBTX), to the implementations in the interface's package, to every
//     implementation in the program (the apilint command) or, under go
//     vet, in the packages of the module that the caller's package
//     imports (a store package whose constructor it calls), or, where none
//     is visible, to the naming heuristic below. An interface method is a
//     node whose edges are its implementations, its parameters passed
//     through; an effect fewer than half of three or more implementations
//     have is one backend's (Effect.Variant, variant.go).
//   - The solver (solve.go) computes every node's Summary from its edges
//     with a worklist, callees first, until nothing changes. An Effect
//     carries its Chain from the function to the library call; chains keep
//     their first and last steps and compare by length and hash (chain.go),
//     so a call N deep costs the same as one.
//   - Flow (flow.go) applies a callee's Summary at a call: its effects
//     seen from the caller, and which of the caller's parameters become
//     the callee's SQL text, row limit, context, query key or request
//     whose body is read (BodyParams: a body read only where a handler
//     passes the request it serves). An effect reached only inside
//     if err != nil is marked Failure; one under a test of a parameter
//     carries its Guard (up to two tests: a callee's and the call's own;
//     a test may read a field of an options parameter, compare with nil,
//     be turned around (p != "x", the rest after if p == nil { return }),
//     or ask whether a variadic parameter was given anything). Flow drops the effects a
//     call's arguments rule out, at the call site as in the caller's
//     summary.
//   - Facts (facts.go): a Summary on every exported function with one
//     (its effects, and which parameters become SQL text, a row limit, a
//     context that reaches a round trip, or the only bound of an outbound
//     request: DeadlineParams); an Adapter on functions and types that
//     turn a function into a request handler (handlers.go); a FixedList on
//     exported package-level variables initialised with a non-empty
//     literal (a table written in the code); Summarised on every package
//     summarised, which tells the vet tool that its importers may have
//     effects.
//   - Handlers (handlers.go) are computed once per package, before
//     scanning: by registration, adapter, factory, signature, RPC service
//     or configuration (see Handler). The analyzers read them from
//     Result.Handlers.
//   - The Result answers the analyzers: the Summary of a function or
//     literal, what a call expression runs (Site), the handlers, and where
//     in a handler's body an effect is reached (Locate).
//
// An analyzer that reports (nplusone, unbounded, blocking, notimeout) then
// turns what it finds into a findings.Finding, where the finding's level,
// chain and fix are set, and the driver renders it (internal/findings,
// internal/report).
//
// # Interfaces without visible implementations
//
// Under go vet and golangci-lint, which see only a package's dependencies,
// a method of an interface type of the module being analyzed whose name
// ends in one of -effects.interfaces (default Store, Datastore,
// Repository, Repo, DAO, Storage, Querier, DB; apis.interfaces in
// .apilint.yml), and that takes
// a context.Context or returns an error, is taken to be a database round
// trip: a write when its name starts with Create, Insert, Add, Save,
// Update, Upsert, Delete, Remove, Set or Put, a many-row read when it
// starts with List, Find, Search, All or Query, a single-row read
// otherwise. Findings that rest on it say so.
//
// # What is summarised
//
// The program's own packages, and the dependencies that reach an effectful
// package (a database, the network, mail, a process: apis.Table.Effectful)
// directly or through their imports. The standard library and the
// libraries the tables describe are not summarised: the tables describe
// them. Both drivers choose the same packages.
//
// Goroutines a function starts and does not wait for (no WaitGroup or
// errgroup Wait in the function) contribute asynchronous effects, which
// the blocking analyzer ignores and nplusone still counts.
package effects
