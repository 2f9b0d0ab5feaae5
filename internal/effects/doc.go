// Package effects defines an Analyzer that summarises, for every function
// and method, what calling it may do: query a database (reading many rows,
// one row, or writing), reach a datastore, send an HTTP request, or block
// (sleep, mail, run a command), each with the shortest call chain that
// shows it. The summaries are exported as object facts, so they cross
// package boundaries under every driver (apilint, go vet, golangci-lint),
// and are the Result that the apilint analyzers use at each call site.
//
// # Analyzer effects
//
// effects: summarise the database, HTTP and blocking effects of functions
//
// A summary also says which function-typed parameters a function calls,
// and which it calls once per element of a loop, so that a closure handed
// to a map or for-each helper counts as running in that loop.
//
// Calls through interfaces are resolved, in order:
//
//   - to a library API, when the interface is one the tables know (pgx.Tx)
//     or one that a known database handle implements (sqlc's DBTX, any
//     interface that *sql.DB or pgxpool.Pool satisfies);
//   - to the implementations declared in the interface's own package,
//     through a fact on the interface method;
//   - in the apilint command, which loads the whole program, to every
//     implementation the program contains;
//   - otherwise (go vet and golangci-lint see only a package's
//     dependencies) by a heuristic: a method of an interface type of the
//     module being analyzed whose name ends in one of -effects.interfaces
//     (default Store, Repository, Repo, DAO, Storage, Querier), and that
//     takes a context.Context or returns an error, is taken to be a
//     database round trip:
//     a write when its name starts with Create, Insert, Add, Save, Update,
//     Upsert, Delete, Remove, Set or Put, a many-row read when it starts
//     with List, Find, Search, All or Query, a single-row read otherwise.
//     Findings that rest on it say so.
//
// Goroutines a function starts and does not wait for (no WaitGroup or
// errgroup Wait in the function) contribute asynchronous effects, which
// the blocking analyzer ignores and nplusone still counts.
//
// Standard library packages are not summarised: the tables describe them.
package effects
