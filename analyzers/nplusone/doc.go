// Package nplusone defines an Analyzer that reports database round trips
// made once per element of a collection.
//
// # Analyzer nplusone
//
// nplusone: report a database or datastore round trip once per element of a loop
//
// A handler that lists 20 orders and then loads each order's customer
// makes 21 queries. With 2,000 orders it makes 2,001, and the endpoint
// that took 5 ms in development takes seconds in production while the
// database serves the same rows over and over. This is the N+1 query.
//
// nplusone reports a call that reaches a database or datastore once per
// element of
//
//   - a range loop over a slice, map, channel, integer or iterator
//     function;
//   - a loop over query results or a stream: for rows.Next() { ... };
//   - a counted loop over a length: for i := 0; i < len(ids); i++ { ... };
//   - a function value handed to a helper that calls it once per element
//     (helpers.MapWithErr(ids, func(id int64) ... ), lo.Map, or any function
//     of the program whose body does so);
//   - a goroutine or errgroup.Go started per element: the work is
//     concurrent, but it is still one round trip per element.
//
// The call need not query directly: it may go through helpers, converters,
// entity methods, repositories and interfaces, in any package. The
// message names the chain (store.(*PG).GetUser → (*sql.DB).QueryRowContext)
// and the fix: load everything with one query before the loop
// (WHERE id = ANY($1), IN (...), a JOIN, gorm's Preload) and look elements
// up in a map.
//
// Not reported: pgx batches (Batch.Queue in the loop, one SendBatch after
// it); retry loops (a constant bound of at most 10 and a break or return
// in the body); for {} and for cond {} loops, which page through results
// or poll; loops that only build the arguments of one query run after
// them. A lookup behind a per-element cache miss is still reported: the
// cold cache makes the N+1.
//
// Writes in a loop (INSERT, UPDATE, DELETE per element) are reported at
// level warning, with the bulk alternatives: a multi-row INSERT, COPY
// (pgx CopyFrom), or INSERT ... SELECT FROM UNNEST($1). -nplusone.writes=false
// turns them off.
//
// Calls through an interface whose implementation apilint cannot see
// (under go vet and golangci-lint, when it lives in a package the caller
// does not import) are taken to query when the interface's name ends in
// Store, Repository, Repo, DAO, Storage or Querier (-effects.interfaces);
// such findings say they are inferred. The apilint command loads the
// whole program and names the implementation instead.
//
// To silence one finding, write //apilint:ignore nplusone <reason> on
// the line or the line above.
package nplusone
