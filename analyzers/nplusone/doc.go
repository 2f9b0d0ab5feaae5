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
//     concurrent, but it is still one round trip per element. A goroutine
//     that runs on its own timer (a worker per configured provider, whose
//     loop waits in a select on time.After, time.Tick or a Ticker) is N
//     workers, not N round trips, and is not reported; workers fed from a
//     channel do the elements' work and are.
//
// A call runs at most once, and is not reported, in a return statement, in
// a branch that ends by leaving the loop, or after the last continue of a
// loop body that ends by leaving the loop (the user saved for the first
// configured provider that accepts the login, then break).
//
// The call need not query directly: it may go through helpers, converters,
// entity methods, repositories and interfaces, in any package. The
// message names the chain (store.(*PG).GetUser → (*sql.DB).QueryRowContext)
// and the fix: load everything with one query before the loop
// (WHERE id = ANY($1), IN (...), a JOIN, gorm's Preload) and look elements
// up in a map.
//
// # Levels: where the loop's collection comes from
//
// The level follows what decides N, and the message says which:
//
//   - error: the rows of a multi-row read (directly, or a helper's result
//     whose summary reads many rows), or a collection nothing is known of
//     (a parameter, the receiver's state), which may grow with stored data;
//   - warning: the items of one request or one message (a decoded body,
//     query parameters, the fields of one entity: the tags of a post), whose
//     size that one input bounds, and the rows of a read keyed by a list
//     one request gives (GetGroupsByIDs(req.GroupIDs): as many rows as it
//     lists); every write in a loop (below); a read with
//     the same arguments on every iteration ("loop-invariant query": hoist
//     it out of the loop), unless the loop also writes to the database, so
//     that the answer may change (a sync reading the mark it moves);
//   - note: any of these when the program's database runs in the
//     process (mattn/go-sqlite3,
//     modernc.org/sqlite, ncruces, glebarez/sqlite and the like, seen from
//     the drivers the package imports, directly or not; in the apilint
//     command, from those the whole program imports when they are of one
//     database; or -nplusone.database), where a round trip costs
//     microseconds. SQLite's own documentation says as much ("Many Small
//     Queries Are Efficient In SQLite", sqlite.org/np1queryprob.html), so
//     there a loop over the items of one request or message (an upload's
//     rows, the tags of a post), whose N that input bounds, is reported
//     only with -nplusone.embedded: on the services measured every one of
//     them was judged negligible. Loops over stored data or data of
//     unknown origin stay (every stop of an agency: maglev fixed such
//     loops on SQLite). A datastore reached over the network (Redis) keeps
//     its level;
//   - not reported: a collection the code fixes (a composite literal, a
//     package-level table initialised with a non-empty literal, or the
//     result of a function every return of which gives such a literal or
//     table or a copy of one (info.Apis() returning []Api{...},
//     append([]string(nil), tables...)), or a local map or slice filled
//     only in range loops over such collections, in this package or another
//     one, whose table or function a fact marks, or the parameter
//     of an unexported function that is only called, and every call of
//     which passes such a collection: initDefaults(map[string]string{...}),
//     or lists its variadic elements: savePeers(ctx, peer); in the apilint
//     command, which sees every call, also an exported function's or
//     method's variadic parameter that no call in the program spreads
//     (xs...) and nothing uses as a value: CreateToken(ctx, u, RoleUser),
//     called through an interface or not, and a slice, array or map
//     parameter that every call in the program fills with at most one
//     element (a literal of one, or a local slice whose every value is
//     one: tenants := []string{tenantID}; tasks.Create(ctx, tenants)),
//     where the loop runs once; or a local map made empty and
//     filled only with constant keys:
//     m["LDAP"] = ldap; m["OIDC"] = oidc, or a local slice made empty and
//     appended such collections outside any loop: tpls = append(tpls,
//     builtin...)).
//     Where every call passes a collection of one request instead, the
//     level is the request's.
//
// Writes in a loop (INSERT, UPDATE, DELETE per element) are warnings with
// the bulk form of the program's database: COPY or UNNEST for PostgreSQL, a
// multi-row INSERT for MySQL, one transaction with one prepared statement
// for SQLite. -nplusone.writes=false turns them off.
//
// # Not reported
//
//   - pgx batches (Batch.Queue in the loop, one SendBatch after it);
//   - retry loops: a constant bound of at most 10, a counted loop whose
//     index indexes nothing (for i := 0; i < cfg.Retries; i++), or a range
//     over a list of backoff delays ([]time.Duration), with a break or
//     return in the body, and helpers that loop so (learnt from their
//     bodies); and loops that stop at the first element whose call
//     succeeds (servers tried in turn: if err := joinVia(ctx, s); err !=
//     nil { continue }; return nil, or if err == nil { return }), which
//     usually run once (a loop that searches the elements for an answer,
//     if found { return true }, may read every one, and is reported);
//   - for {} and for cond {} loops, which page through results or poll;
//     workers that range over a channel (one job per iteration), and a
//     counted loop that only starts a pool of them (for i := 0; i <
//     workers; i++ { go ... }) when the function does not feed their
//     channel itself from a collection; loops over
//     pre-chunked batches (a slice of slices, or an iterator yielding
//     slices: slices.Chunk), stepping by a chunk size, or counting pages
//     (for page := 1; page <= total/pageSize; page++), and a batch
//     built in the loop and flushed when full (if len(keys) >= 100, or a
//     counter: if num == 100, if i%100 == 0, also with another test:
//     if i >= 100 && i%100 == 0): once per batch;
//   - a call under a test of the element against a constant or a value
//     the loop does not change (if v == "content", if i == total-1: the
//     last batch flushed): at most once;
//   - loops that only build the arguments of one query run after them;
//   - loops over the fields of a type (for i := range rt.NumField(), with
//     reflect): as many as the code declares;
//   - schema changes: a statement whose text is DDL (CREATE, ALTER, DROP,
//     TRUNCATE), table maintenance (VACUUM, ANALYZE, REINDEX, OPTIMIZE,
//     CLUSTER) or a read of the catalog (SELECT from sqlite_master,
//     information_schema or pg_catalog, SHOW TABLES, PRAGMA table_info: a
//     schema dump, one per table), or one a query builder makes for a schema change
//     (ozzo-dbx's and pocketbase/dbx's AddColumn, DropColumn, CreateIndex,
//     ...: apis.SchemaBuilders), run once per column or index of the change;
//   - set-up code: a package path element, file name or enclosing function
//     whose name contains migrat, seed, fixture, backup, restore or
//     bootstrap, files named like a versioned migration (goose's and
//     golang-migrate's 00002_add_users.go,
//     20201028212440_add_forgotten_column.go), functions named like
//     createTables, initSchema or ensureIndexes, and data upgrades between schema versions (Upgrade,
//     upgradeDB, AlertRuleUpgradeToV6, when they take no *http.Request):
//     they run once, over a list the code fixes or once per install;
//   - start-up code of a main package: func main and init, package-level
//     initialisers, what a command-line command runs when it is invoked
//     (cobra's Run and RunE and what cobra.OnInitialize registers,
//     urfave/cli's Action and Before, as a function
//     literal or by name: once per invocation, like main), and the
//     functions only they call, by name, in a function literal kept in
//     a local variable that is only called, or in one handed
//     to a function that runs it before it returns (a transaction
//     wrapper: one that only calls its parameter, gorm's Transaction, or
//     an interface method every implementation of which only calls it,
//     such as a store's WithTx(ctx, fn)), and loops written in such a
//     literal itself, not as a value, not in a go statement or other function literal,
//     not inside a loop that runs until the process stops, such as a
//     ticker's (a for with no condition that breaks out of itself and
//     waits for nothing pages through a table, and ends): they run once
//     per process start. A one-shot command a scheduler runs (app sync) counts
//     too: its loops cost once per run, not per request; so do loops
//     written in the command's function literal itself, when the function
//     that builds the command is start-up code.
//     The apilint command, which loads the whole program, follows these
//     calls into every package (main calls app.Run, which calls
//     InitDBData, which calls each service's InitUsers); go vet sees only
//     a main package's own. A function a handler, a goroutine, a ticker,
//     an interface call or a library's user also reaches is reported as
//     usual;
//   - a write that marks an element done after work per element that is
//     not the database's (an outbound request, mail, a command earlier in
//     the loop body, or in the same helper call: deliver(hook) posts to
//     one webhook and logs the delivery): a worker acknowledging each job;
//   - a read or a write in a loop whose elements each also make a
//     synchronous outbound request, mail or command, or sleep, outside any
//     branch and in the same goroutine as the call (upstreams probed one
//     after another, actions run one after another with a status written
//     as each starts, a loop paced on purpose; a goroutine started per
//     element does not pace a write made outside it): that work is what
//     the loop costs, the write records its progress, and blocking
//     reports a handler's fan-out;
//   - a write or a read only on a failure path (inside if err != nil,
//     err == ErrSentinel, errors.Is or errors.As, or an if whose body builds the error it
//     ends by returning, or after an if outside a loop that returns when
//     a call succeeded: if err == nil { return v, nil }, in the loop or
//     in a function it calls): it
//     records or resolves the failure of one element (a lookup after an
//     insert collided), not every element; and a whole loop inside such a
//     test, which undoes a step that failed (delete the rows just
//     inserted when the queue refused them), unless the test is for a
//     lookup that found nothing (sql.ErrNoRows, gorm.ErrRecordNotFound:
//     an ordinary path, such as trying each of a user's groups);
//   - rows of one COPY on PostgreSQL: Exec on a statement prepared from
//     lib/pq's CopyIn or CopyInSchema buffers a row, and the final Exec
//     sends them all (the bulk form the write warning would suggest);
//   - the batch-writer pattern on an in-process database: a prepared
//     statement executed per element, or statements on a transaction
//     (*sql.Tx, *sqlx.Tx) begun before the loop, as the receiver or handed
//     to a helper (on a networked database it stays a write warning: still
//     a round trip per row);
//   - a read behind a long-lived in-process cache (a map in a field or a
//     package variable, or a Get/Load/Lookup that is no round trip, looked
//     up at the top of the function before the read, with a return on a
//     hit, or with the read only under a nil test of a value that cannot
//     carry an error: v, _ := store.Get(k).([]T); if v == nil {...}, or
//     g := manager.GetByID(id); if g == nil {...} where GetByID, in any
//     package, only returns an entry of such a map, or a nil test that
//     goes on to test the entry itself, if g == nil || !g.Connected {...},
//     a miss or a stale entry to refresh, or with the read only in the
//     block a miss runs: v, found := s.servers[name]; if !found {...},
//     also if includeState && !found {...}), or
//     any lookup, whatever its name or package, whose key the function
//     passes again, with the value, to a fill after the read (cache-aside:
//     if v, ok := cache.Get(key); ok { return v }; read; cache.Set(key,
//     v, ttl); or, with no found flag, if d := decls.get(key); d != nil
//     { return d }; read; decls.set(key, d), the fill a method of the
//     same cache), unless the lookup queries the database itself (a
//     get-or-create): it runs once per key while the process lives, not
//     once per element. Only a cold cache makes it an N+1, once;
//   - a lookup memoised in a local map made before the loop and keyed by
//     an attribute of the element (v, ok := owners[p.OwnerID]; if !ok
//     {...; owners[p.OwnerID] = v}, or if owners[k] == nil, or a hit that
//     leaves the iteration: if ok { ...; continue }, or a set of keys
//     already handled: if seen[m.ProjectID] { continue }, also as one side
//     of a ||; or the same memo in a helper of the package handed the map
//     and the key: getAgentName(store, names, task.AgentID)): one round
//     trip per distinct owner, not per element. Keyed by the element
//     itself, every distinct element misses once, and it is reported;
//   - work a function does only when a string parameter equals a constant
//     (if p == "x", or case "x": of switch p) or differs from one
//     (if p != "x"), or only when a pointer or other parameter (or a field
//     of one) is not nil (after if replyID == nil { return }), at calls
//     whose constant argument, nil, or keyed literal leaving the field out
//     rules it out (the test may sit in a one-return predicate of the
//     package: if toCommenter(kind)), or only when its variadic parameter is given
//     nothing (if len(conds) == 0 { conds = f.loadConditions() }), at
//     calls that give it something (see effects.Guard);
//   - a round trip only one backend of several makes: through an interface
//     with at least three implementations (storage drivers, file systems,
//     exporters), fewer than half of which reach the database (the driver
//     that saves its refreshed token). It runs only where an operator
//     configured that backend. Two implementations, a real one and one that
//     does nothing, are no choice of backends.
//
// Calls through an interface whose implementation apilint cannot see
// (under go vet and golangci-lint, when it lives in a package the caller
// does not import) are taken to query when the interface's name ends in
// Store, Datastore, Repository, Repo, DAO, Storage, Querier or DB
// (-effects.interfaces; DB only in the user's own modules, not in a
// versioned dependency, whose own DB interface wraps the handle its
// functions already show); such findings say they are inferred. The apilint
// command loads the whole program and names the implementation instead.
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
// To silence one finding, write //apilint:ignore nplusone <reason> on
// the line or the line above.
package nplusone
