// Package lookalikes holds loops that reach the database but are not
// N+1 queries, found on real services, and the real ones beside them.
package lookalikes

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"settingcache"

	"github.com/lib/pq"
)

type DB struct{ db *sql.DB }

// A list of statements: each element is a different statement.
func (d *DB) Migrate(ctx context.Context, stmts []string) error {
	for _, s := range stmts {
		if _, err := d.db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

type batch struct {
	query string
	args  []any
}

// Each element is already a multi-row INSERT: the fix, not the bug.
func (d *DB) InsertBatches(ctx context.Context, batches []batch) error {
	for _, b := range batches {
		if _, err := d.db.ExecContext(ctx, b.query, b.args...); err != nil {
			return err
		}
	}
	return nil
}

// A fixed list of constants.
func (d *DB) Refresh(ctx context.Context) {
	for _, v := range []string{"mat_charts", "mat_counts", "mat_stats"} {
		d.db.ExecContext(ctx, "REFRESH MATERIALIZED VIEW "+v)
	}
}

// Chunking: one batched query per 500 ids.
func (d *DB) InBatches(ctx context.Context, ids []int64) {
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		d.db.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", ids[start:end])
	}
}

// A retry loop whose bound is a variable, and one whose bound is a
// constant in a variable.
func (d *DB) Connect(ctx context.Context, backoffs []time.Duration) error {
	var err error
	maxAttempts := len(backoffs) + 1
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		if err = d.db.PingContext(ctx); err == nil {
			break
		}
		time.Sleep(backoffs[attempt-1])
	}
	maxRetries := 3
	for i := 0; i < maxRetries; i++ {
		if _, err = d.db.ExecContext(ctx, "UPDATE t SET x = 1"); err == nil {
			return nil
		}
	}
	return err
}

// Polling on a ticker.
func (d *DB) Poll(ctx context.Context) {
	for range time.Tick(time.Minute) {
		d.db.QueryContext(ctx, "SELECT id FROM jobs WHERE due")
	}
	t := time.NewTicker(time.Minute)
	for range t.C {
		d.db.ExecContext(ctx, "DELETE FROM sessions WHERE expired")
	}
}

type worker struct{ db *sql.DB }

// A worker draining a job channel acknowledges one job per iteration:
// per job, not once per element of a collection.
func (w *worker) Run(ctx context.Context, jobs <-chan int64) {
	for id := range jobs {
		w.db.ExecContext(ctx, "UPDATE feeds SET checked = now() WHERE id = $1", id)
	}
}

// Starting a pool of workers is not a round trip per element.
func Start(ctx context.Context, db *sql.DB, n int, jobs <-chan int64) {
	for i := 0; i < n; i++ {
		w := &worker{db: db}
		go w.Run(ctx, jobs)
	}
}

// Calls that run at most once: in a return, in a branch that leaves the
// loop, on the error path.
func (d *DB) First(ctx context.Context, ids []int64, seen map[int64]bool) (*sql.Rows, error) {
	for _, id := range ids {
		if !seen[id] {
			return d.db.QueryContext(ctx, "SELECT * FROM users WHERE id = ANY($1)", ids)
		}
	}
	for _, id := range ids {
		if id == 0 {
			var name string
			d.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
			break
		}
	}
	return nil, nil
}

// Transaction control is not the round trip to report; the write is.
func (d *DB) SaveAll(ctx context.Context, names []string) error {
	for _, n := range names {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO t (name) VALUES ($1)", n); err != nil { // want `N\+1 write: \(\*sql.Tx\).ExecContext runs once per element of names`
			tx.Rollback()
			return err
		}
		tx.Commit()
	}
	return nil
}

// INSERT ... RETURNING through QueryRow is a write.
func (d *DB) CreateAll(ctx context.Context, names []string) {
	for _, n := range names {
		var id int64
		d.db.QueryRowContext(ctx, "INSERT INTO tag (name) VALUES ($1) RETURNING id", n).Scan(&id) // want `N\+1 write: \(\*sql.DB\).QueryRowContext runs once per element of names.*UNNEST`
	}
}

// The same lookup each time is loop-invariant: the same query on every
// iteration, which belongs before the loop.
func (d *DB) Setting(ctx context.Context, key string) string {
	var v string
	d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&v)
	return v
}

func (d *DB) Decorate(ctx context.Context, memos []string) []string {
	var out []string
	for range memos {
		out = append(out, d.Setting(ctx, "MEMO_RELATED")) // want `loop-invariant query: lookalikes.\(\*DB\).Setting runs \(\*sql.DB\).QueryRowContext with the same arguments on every iteration over memos.*hoist`
	}
	return out
}

// Look-alike: one query per page of 50 rows; the loop counts pages, not
// rows.
func (d *DB) LoadTasks(ctx context.Context, total int) {
	pages := int(math.Ceil(float64(total) / 50))
	for page := 1; page <= pages; page++ {
		d.db.QueryContext(ctx, "SELECT id FROM tasks ORDER BY id LIMIT 50 OFFSET $1", (page-1)*50)
	}
}

// A counted loop with no bound to compare against counts elements.
func (d *DB) LoadWhile(ctx context.Context, ids []int64, more func(int) bool) {
	for i := 0; more(i); i++ {
		d.db.QueryContext(ctx, "SELECT name FROM tasks WHERE id = $1", ids[i]) // want `N\+1`
	}
}

// The same loop over every id is per element.
func (d *DB) LoadEach(ctx context.Context, ids []int64) {
	for i := 0; i < len(ids); i++ {
		d.db.QueryContext(ctx, "SELECT name FROM tasks WHERE id = $1", ids[i]) // want `N\+1`
	}
}

// Look-alike: the loop moves the mark it reads (a sync's last seen
// sequence number), so the same call answers differently each time and
// cannot be hoisted.
func (d *DB) SyncFragments(ctx context.Context, fragments []int64) {
	for _, f := range fragments {
		mark := d.Setting(ctx, "last_max_usn")
		if f > 0 {
			d.db.ExecContext(ctx, "UPDATE settings SET value = $1 WHERE key = 'last_max_usn'", mark) // want `N\+1 write`
		}
	}
}

// Look-alike: the setting comes from a process-wide cache first, so the
// loop makes one query, not one per element (memos' instance setting).
type CachedDB struct {
	db    *sql.DB
	cache map[string]string
}

func (d *CachedDB) Setting(ctx context.Context, key string) string {
	if v, ok := d.cache[key]; ok {
		return v
	}
	var v string
	d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&v)
	d.cache[key] = v
	return v
}

func (d *CachedDB) Decorate(ctx context.Context, memos []string) []string {
	var out []string
	for range memos {
		out = append(out, d.Setting(ctx, "MEMO_RELATED"))
	}
	return out
}

// Look-alike: an in-process cache with expiry, tested for a non-nil hit
// in the if's own statement, and filled after the read (dify's plugin
// declarations).
type declCache struct {
	sync.Mutex
	items map[string]*declItem
}

type declItem struct {
	decl string
	hits int
}

func (c *declCache) get(key string) *string {
	c.Lock()
	defer c.Unlock()
	item, ok := c.items[key]
	if !ok {
		return nil
	}
	item.hits++
	return &item.decl
}

func (c *declCache) set(key string, decl *string) {
	c.Lock()
	defer c.Unlock()
	c.items[key] = &declItem{decl: *decl}
}

var decls = &declCache{items: map[string]*declItem{}}

func (d *DB) Declaration(ctx context.Context, id string) *string {
	key := "decl:" + id
	if decl := decls.get(key); decl != nil {
		return decl
	}
	var decl string
	d.db.QueryRowContext(ctx, "SELECT manifest FROM plugins WHERE id = $1", id).Scan(&decl)
	decls.set(key, &decl)
	return &decl
}

func (d *DB) Declarations(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.Declaration(ctx, id)
	}
}

// The same test with nothing filled after the read: no cache.
func (d *DB) DeclarationUncached(ctx context.Context, id string) *string {
	if decl := decls.get(id); decl != nil {
		return decl
	}
	var decl string
	d.db.QueryRowContext(ctx, "SELECT manifest FROM plugins WHERE id = $1", id).Scan(&decl)
	return &decl
}

func (d *DB) DeclarationsUncached(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.DeclarationUncached(ctx, id) // want `N\+1: lookalikes.\(\*DB\).DeclarationUncached runs`
	}
}

// Look-alike: servers tried in turn until one answers (dendrite's joins):
// the loop stops at the first success and usually runs once.
func (d *DB) joinVia(ctx context.Context, server string) error {
	var ok bool
	return d.db.QueryRowContext(ctx, "SELECT reachable FROM servers WHERE name = $1", server).Scan(&ok)
}

func (d *DB) Join(ctx context.Context, servers []string) error {
	var last error
	for _, s := range servers {
		if err := d.joinVia(ctx, s); err != nil {
			last = err
			continue
		}
		return nil
	}
	return last
}

// The same loop going on after a success: one read per server.
func (d *DB) JoinAll(ctx context.Context, servers []string) error {
	var last error
	for _, s := range servers {
		if err := d.joinVia(ctx, s); err != nil { // want `N\+1: lookalikes.\(\*DB\).joinVia runs`
			last = err
			continue
		}
	}
	return last
}

// A search over the elements: it stops when one has the answer, after
// reading every one that has not (netmaker's groups of each user).
func (d *DB) HasAccess(ctx context.Context, groups []string, network string) bool {
	for _, g := range groups {
		var nets string
		if err := d.db.QueryRowContext(ctx, "SELECT networks FROM groups WHERE id = $1", g).Scan(&nets); err != nil { // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of groups`
			continue
		}
		if strings.Contains(nets, network) {
			return true
		}
	}
	return false
}

// Dispatching on the element: a switch on its value, a constant test.
func (d *DB) Update(ctx context.Context, paths []string, id int64) {
	for _, p := range paths {
		switch p {
		case "content":
			d.db.ExecContext(ctx, "UPDATE memo SET content = $1 WHERE id = $2", p, id)
		case "visibility":
			d.db.ExecContext(ctx, "UPDATE memo SET visibility = $1 WHERE id = $2", p, id)
		}
		if p == "pinned" {
			d.db.ExecContext(ctx, "UPDATE memo SET pinned = true WHERE id = $1", p)
		}
	}
}

// A middleware chain: each element is a different implementation.
type Middleware interface {
	OnRequest(r *http.Request) error
}

func Chain(mws []Middleware, r *http.Request) error {
	for _, m := range mws {
		if err := m.OnRequest(r); err != nil {
			return err
		}
	}
	return nil
}

type step struct {
	name string
	run  func(*sql.Tx) error
}

func RunSteps(tx *sql.Tx, steps []step) {
	for _, s := range steps {
		s.run(tx)
	}
}

// Nested loops: the finding names both.
type Block struct{ Days []int64 }

func (d *DB) Active(ctx context.Context, blocks []Block) {
	for _, b := range blocks {
		for _, day := range b.Days {
			d.db.QueryRowContext(ctx, "SELECT 1 FROM calendar WHERE day = $1", day) // want `once per element of b.Days \(loop at lookalikes.go:\d+, inside the loop over blocks \(line \d+\)\)`
		}
	}
}

type post struct {
	ID      int64
	OwnerID int64
}

type user struct{ Name string }

func (d *DB) getUser(ctx context.Context, id int64) *user {
	var u user
	d.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&u.Name)
	return &u
}

// Owners memoised in a local map: one query per distinct owner.
func (d *DB) PostOwners(ctx context.Context, posts []post) []*user {
	owners := make(map[int64]*user)
	out := make([]*user, 0, len(posts))
	for _, p := range posts {
		u, ok := owners[p.OwnerID]
		if !ok {
			u = d.getUser(ctx, p.OwnerID)
			owners[p.OwnerID] = u
		}
		out = append(out, u)
	}
	return out
}

// The same with a nil test.
func (d *DB) PostOwnersNil(ctx context.Context, posts []post) {
	owners := map[int64]*user{}
	for _, p := range posts {
		if owners[p.OwnerID] == nil {
			owners[p.OwnerID] = d.getUser(ctx, p.OwnerID)
		}
	}
}

// Memoised by the element itself: every distinct id still misses once.
func (d *DB) UsersByID(ctx context.Context, ids []int64) {
	seen := make(map[int64]*user)
	for _, id := range ids {
		if _, ok := seen[id]; !ok {
			seen[id] = d.getUser(ctx, id) // want `N\+1: lookalikes.\(\*DB\).getUser runs \(\*sql.DB\).QueryRowContext once per element of ids`
		}
	}
}

// A map that is only read is not a memo: every owner is fetched.
func (d *DB) PostOwnersNoStore(ctx context.Context, posts []post, skip map[int64]bool) {
	for _, p := range posts {
		if _, ok := skip[p.OwnerID]; !ok {
			d.getUser(ctx, p.OwnerID) // want `N\+1: lookalikes.\(\*DB\).getUser runs \(\*sql.DB\).QueryRowContext once per element of posts`
		}
	}
}

// Look-alike: a cache looked up after other work, under a lock, and
// tested on the next lines: the query runs only on a miss, once per key.
type fsCache struct {
	sync.Mutex
	entries map[string]string
}

type Mounts struct {
	db    *sql.DB
	cache *fsCache
}

func (m *Mounts) FsFor(ctx context.Context, path string) string {
	key := mountOf(path)
	cache := m.cache
	cache.Lock()
	fs, ok := cache.entries[key]
	cache.Unlock()
	if ok {
		return fs
	}
	m.db.QueryRowContext(ctx, "SELECT config FROM folders WHERE path = $1", key).Scan(&fs)
	cache.Lock()
	cache.entries[key] = fs
	cache.Unlock()
	return fs
}

func mountOf(p string) string { return p }

func (m *Mounts) StatAll(ctx context.Context, paths []string) {
	for _, p := range paths {
		m.FsFor(ctx, p)
	}
}

// Look-alike: statistics per server, made and read from the database the
// first time a server is seen (dendrite's statistics.ForServer): the
// block runs on a miss, once per server per process.
type serverStats struct {
	blocked bool
}

type Statistics struct {
	db      *sql.DB
	mu      sync.RWMutex
	servers map[string]*serverStats
}

func (s *Statistics) ForServer(ctx context.Context, name string) *serverStats {
	s.mu.RLock()
	server, found := s.servers[name]
	s.mu.RUnlock()
	if !found {
		s.mu.Lock()
		server = &serverStats{}
		s.servers[name] = server
		s.mu.Unlock()
		s.db.QueryRowContext(ctx, "SELECT blocked FROM blocklist WHERE server = $1", name).Scan(&server.blocked)
	}
	return server
}

func (s *Statistics) SendAll(ctx context.Context, servers []string) {
	for _, name := range servers {
		s.ForServer(ctx, name)
	}
}

// The same read when the entry is found: every call.
func (s *Statistics) Refresh(ctx context.Context, name string) {
	server, found := s.servers[name]
	if found {
		s.db.QueryRowContext(ctx, "SELECT blocked FROM blocklist WHERE server = $1", name).Scan(&server.blocked)
	}
}

func (s *Statistics) RefreshAll(ctx context.Context, servers []string) {
	for _, name := range servers {
		s.Refresh(ctx, name) // want `N\+1: lookalikes.\(\*Statistics\).Refresh runs`
	}
}

// Look-alike turned real: the query comes before the cache, so it runs
// on every call.
func (m *Mounts) FsForUncached(ctx context.Context, path string) string {
	var fs string
	m.db.QueryRowContext(ctx, "SELECT config FROM folders WHERE path = $1", path).Scan(&fs)
	m.cache.Lock()
	cached, ok := m.cache.entries[path]
	m.cache.Unlock()
	if ok {
		return cached
	}
	return fs
}

func (m *Mounts) StatAllUncached(ctx context.Context, paths []string) {
	for _, p := range paths {
		m.FsForUncached(ctx, p) // want `N\+1: lookalikes.\(\*Mounts\).FsForUncached runs`
	}
}

// Memoised with a var declaration, stored at the end of the iteration:
// one query per distinct owner.
func (d *DB) PostOwnersLate(ctx context.Context, posts []post) {
	owners := make(map[int64]*user)
	for i := 0; i < len(posts); i++ {
		p := posts[i]
		var u, ok = owners[p.OwnerID]
		if !ok {
			u = d.getUser(ctx, p.OwnerID)
		}
		_ = u.Name
		owners[p.OwnerID] = u
	}
}

// Look-alike turned real: stored under another key, so every owner misses.
func (d *DB) PostOwnersOtherKey(ctx context.Context, posts []post) {
	owners := make(map[int64]*user)
	for i := 0; i < len(posts); i++ {
		p := posts[i]
		var u, ok = owners[p.OwnerID]
		if !ok {
			u = d.getUser(ctx, p.OwnerID) // want `N\+1: lookalikes.\(\*DB\).getUser runs`
		}
		owners[int64(i)] = u
	}
}

// Look-alike: a store of values loaded at start-up, asked first; the
// query runs only when it is empty.
type kv struct{ m map[string]any }

func (k *kv) Get(key string) any { return k.m[key] }

type Collections struct {
	db    *sql.DB
	store *kv
}

func (c *Collections) ByName(ctx context.Context, name string) string {
	names, _ := c.store.Get("collections").([]string)
	if names == nil {
		var n string
		c.db.QueryRowContext(ctx, "SELECT name FROM collections WHERE name = $1", name).Scan(&n)
		return n
	}
	for _, n := range names {
		if n == name {
			return n
		}
	}
	return ""
}

func (c *Collections) Resolve(ctx context.Context, fields []string) {
	for _, f := range fields {
		c.ByName(ctx, f)
	}
}

// Look-alike turned real: a repository's Get reports errors, so its nil
// result is not a cache miss; the insert after it runs per element.
type repo struct{ db *sql.DB }

func (r *repo) Get(ctx context.Context, id int64) (*user, error) { return nil, nil }

func (r *repo) Ensure(ctx context.Context, id int64) {
	u, _ := r.Get(ctx, id)
	if u == nil {
		r.db.ExecContext(ctx, "INSERT INTO users (id) VALUES ($1)", id)
	}
}

func (r *repo) EnsureAll(ctx context.Context, ids []int64) {
	for _, id := range ids {
		r.Ensure(ctx, id) // want `N\+1 write: lookalikes.\(\*repo\).Ensure runs`
	}
}

// Look-alike: cache-aside through another package's functions (a settings
// cache over memory or redis): looked up, returned on a hit, read and
// filled under the same key. One query per setting while the process
// lives, whatever the loop.
func (d *DB) settingByName(ctx context.Context, name string) string {
	key := "setting_" + name
	if v, ok := settingcache.Get(key); ok {
		return v.(string)
	}
	var v string
	d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE name = $1", name).Scan(&v)
	_ = settingcache.Set(key, v, -1)
	return v
}

func (d *DB) ThumbNames(ctx context.Context, files []string) []string {
	var out []string
	for _, f := range files {
		out = append(out, f+d.settingByName(ctx, "thumb_suffix"))
	}
	return out
}

// Look-alike turned real: a get-or-create of the same shape, whose lookup
// is itself a query, is no cache.
func (d *DB) userID(ctx context.Context, name string) int64 {
	if id, ok := d.findUser(ctx, name); ok {
		return id
	}
	var id int64
	d.db.QueryRowContext(ctx, "INSERT INTO users(name) VALUES ($1) RETURNING id", name).Scan(&id)
	d.remember(name, id)
	return id
}

func (d *DB) findUser(ctx context.Context, name string) (int64, bool) {
	var id int64
	err := d.db.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id, err == nil
}

func (d *DB) remember(name string, id int64) {}

func (d *DB) Authors(ctx context.Context, names []string) {
	for _, n := range names {
		d.userID(ctx, n) // want `N\+1: lookalikes.\(\*DB\).userID runs`
	}
}

// Look-alikes: a batch flushed when it is full, once per hundred elements.
func (d *DB) TouchAll(ctx context.Context, hosts []string) {
	batch := make([]string, 0, 100)
	for _, h := range hosts {
		batch = append(batch, h)
		if len(batch) >= 100 {
			d.db.ExecContext(ctx, "UPDATE hosts SET seen = now() WHERE name = ANY($1)", batch)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		d.db.ExecContext(ctx, "UPDATE hosts SET seen = now() WHERE name = ANY($1)", batch)
	}
}

func (d *DB) flush(ctx context.Context, m map[string]string) {
	d.db.ExecContext(ctx, "UPDATE hosts SET meta = $1", m)
}

func (d *DB) MetaAll(ctx context.Context, items map[string]string) {
	m := make(map[string]string, 100)
	num := 0
	for k, v := range items {
		m[k] = v
		num++
		if num == 100 {
			d.flush(ctx, m)
			m = make(map[string]string, 100)
			num = 0
		}
	}
	d.flush(ctx, m)
}

// Positive: a test of the element, not of a batch's size.
func (d *DB) TouchBig(ctx context.Context, sizes []int) {
	for _, n := range sizes {
		if n >= 100 {
			d.db.ExecContext(ctx, "UPDATE hosts SET big = true WHERE size = $1", n) // want `N\+1 write`
		}
	}
}

// Look-alike: a helper whose only caller passes a list written in the
// code (default settings created at start).
func (d *DB) initDefaults(ctx context.Context, settings map[string]string) {
	for k, v := range settings {
		d.db.ExecContext(ctx, "INSERT INTO settings (k, v) VALUES ($1, $2) ON CONFLICT DO NOTHING", k, v)
	}
}

func (d *DB) Init(ctx context.Context) {
	d.initDefaults(ctx, map[string]string{"signup": "0", "login": "1"})
}

// Positive: one of the callers passes stored rows.
func (d *DB) copyTags(ctx context.Context, tags []string) {
	for _, t := range tags {
		d.db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", t) // want `N\+1 write`
	}
}

func (d *DB) SeedTags(ctx context.Context) {
	d.copyTags(ctx, []string{"a", "b"})
}

func (d *DB) CopyTags(ctx context.Context) {
	rows, _ := d.db.QueryContext(ctx, "SELECT name FROM tags LIMIT 100")
	var tags []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		tags = append(tags, t)
	}
	d.copyTags(ctx, tags)
}

// Look-alike: a variadic helper every call of which lists its elements
// (one peer each). Positive: one call spreads stored rows into it.
func (d *DB) savePeers(ctx context.Context, peers ...string) {
	for _, p := range peers {
		d.db.ExecContext(ctx, "UPDATE peers SET saved = now() WHERE key = $1", p)
	}
}

func (d *DB) SavePeer(ctx context.Context, peer string) {
	d.savePeers(ctx, peer)
	d.saveByInterface(ctx, peer)
}

// A map filled in a loop over a list the callers write holds at most one
// entry per element: as fixed as the list. One filled from stored rows is
// as long as the rows.
func (d *DB) saveByInterface(ctx context.Context, peers ...string) {
	ifaces := make(map[string]bool)
	for _, p := range peers {
		ifaces[p] = true
	}
	for iface := range ifaces {
		d.db.ExecContext(ctx, "UPDATE interfaces SET changed = now() WHERE name = $1", iface)
	}
	rows, _ := d.db.QueryContext(ctx, "SELECT name FROM interfaces LIMIT 500")
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	owners := map[string]bool{}
	for _, n := range names {
		owners[n] = true
	}
	for o := range owners {
		d.db.ExecContext(ctx, "UPDATE owners SET changed = now() WHERE name = $1", o) // want `N\+1 write`
	}
}

func (d *DB) saveKeys(ctx context.Context, keys ...string) {
	for _, k := range keys {
		d.db.ExecContext(ctx, "UPDATE keys SET saved = now() WHERE key = $1", k) // want `N\+1 write`
	}
}

func (d *DB) SaveKey(ctx context.Context, key string) {
	d.saveKeys(ctx, key)
}

func (d *DB) SaveAllKeys(ctx context.Context) {
	rows, _ := d.db.QueryContext(ctx, "SELECT key FROM keys LIMIT 100")
	var keys []string
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	d.saveKeys(ctx, keys...)
}

// Look-alike: a map the code fills entry by entry with constant keys.
func (d *DB) InitSSO(ctx context.Context, ldap, oidc string) {
	m := make(map[string]string)
	m["LDAP"] = ldap
	m["OIDC"] = oidc
	for name, cfg := range m {
		d.db.ExecContext(ctx, "INSERT INTO sso (name, cfg) VALUES ($1, $2) ON CONFLICT DO NOTHING", name, cfg)
	}
}

// Positive: a map filled with computed keys holds data.
func (d *DB) SaveByOwner(ctx context.Context, posts []post) {
	m := make(map[int64]string)
	for _, p := range posts {
		m[p.OwnerID] = "x"
	}
	for owner := range m {
		d.db.ExecContext(ctx, "UPDATE users SET active = true WHERE id = $1", owner) // want `N\+1 write`
	}
}

// Look-alike: built-in templates gathered from two tables of the code.
var builtinTpls = []string{"email", "slack"}
var builtinTplsEn = []string{"email-en", "slack-en"}

func (d *DB) InitTemplates(ctx context.Context) {
	tpls := make([]string, 0, len(builtinTpls)+len(builtinTplsEn))
	tpls = append(tpls, builtinTpls...)
	tpls = append(tpls, builtinTplsEn...)
	for _, t := range tpls {
		d.db.ExecContext(ctx, "INSERT INTO tpls (name) VALUES ($1) ON CONFLICT DO NOTHING", t)
	}
}

// Positive: the same list grown in a loop over rows.
func (d *DB) CopyNames(ctx context.Context) {
	names := []string{}
	rows, _ := d.db.QueryContext(ctx, "SELECT name FROM users")
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, "user-"+n)
	}
	for _, n := range names {
		d.db.ExecContext(ctx, "INSERT INTO copies (name) VALUES ($1)", n) // want `N\+1 write`
	}
}

// Look-alike: the helper's only call is in a function literal assigned to
// a package-level variable, whose local list is written in the code.
func (d *DB) touchNames(ctx context.Context, names []string) {
	for _, n := range names {
		d.db.ExecContext(ctx, "UPDATE names SET seen = true WHERE name = $1", n)
	}
}

var touchDefaults = func(ctx context.Context, d *DB) {
	defaults := []string{"admin", "guest"}
	d.touchNames(ctx, defaults)
}

type setting struct {
	ID    int64
	Value string
}

// A data upgrade from one schema version to the next: set-up code, run
// once per install.
func (d *DB) UpgradeToV6(ctx context.Context, settings []setting) {
	for _, s := range settings {
		d.db.ExecContext(ctx, "UPDATE settings SET value = $1 WHERE id = $2", s.Value+"-v6", s.ID)
	}
}

// A handler named like an upgrade (a plan upgrade) serves requests: it
// is reported as usual.
func (d *DB) Upgrade(w http.ResponseWriter, r *http.Request) {
	rows, _ := d.db.QueryContext(r.Context(), "SELECT id, value FROM settings")
	defer rows.Close()
	var all []setting
	for rows.Next() {
		var s setting
		rows.Scan(&s.ID, &s.Value)
		all = append(all, s)
	}
	for _, s := range all {
		d.db.ExecContext(r.Context(), "UPDATE settings SET value = $1 WHERE id = $2", s.Value+"-pro", s.ID) // want `N\+1 write`
	}
}

type event struct {
	ID       int64
	OwnerIDs []int64
	Owners   []*user
}

// A memo keyed by an attribute of the element, with the hit leaving the
// iteration: one query per distinct owner.
func (d *DB) ownersOf(ctx context.Context, posts []post) []*user {
	owners := map[int64]*user{}
	var out []*user
	for _, p := range posts {
		u, ok := owners[p.OwnerID]
		if ok {
			out = append(out, u)
			continue
		}
		u = d.getUser(ctx, p.OwnerID)
		out = append(out, u)
		owners[p.OwnerID] = u
	}
	return out
}

// The same hit-and-continue shape keyed by the element itself: every
// distinct id still misses once.
func (d *DB) groupsOf(ctx context.Context, ids []int64) []*user {
	seen := map[int64]*user{}
	var out []*user
	for _, id := range ids {
		if g, ok := seen[id]; ok {
			out = append(out, g)
			continue
		}
		g := d.getUser(ctx, id) // want `N\+1: lookalikes.\(\*DB\).getUser runs \(\*sql.DB\).QueryRowContext once per element of ids`
		out = append(out, g)
		seen[id] = g
	}
	return out
}

type appConfig struct {
	SiteName string `key:"siteName"`
	Theme    string `key:"theme"`
}

// A loop over the fields of a type: as many as the code declares.
func (d *DB) LoadConfig(ctx context.Context, cfg *appConfig) {
	rt := reflect.TypeOf(cfg).Elem()
	rv := reflect.ValueOf(cfg).Elem()
	for i := range rt.NumField() {
		var v string
		d.db.QueryRowContext(ctx, "SELECT value FROM config WHERE key = $1", rt.Field(i).Tag.Get("key")).Scan(&v)
		rv.Field(i).SetString(v)
	}
}

// A schema dump: one catalog read per table the catalog lists.
func (d *DB) Columns(ctx context.Context) map[string][]string {
	out := map[string][]string{}
	rows, _ := d.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type='table'`)
	var tables []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		tables = append(tables, t)
	}
	for _, t := range tables {
		cols, _ := d.db.QueryContext(ctx, `PRAGMA table_info("`+t+`")`)
		for cols.Next() {
			var name string
			cols.Scan(&name)
			out[t] = append(out[t], name)
		}
	}
	return out
}

// Look-alike: a loop over the rows of a data table still is an N+1.
func (d *DB) OwnersOfAll(ctx context.Context) {
	rows, _ := d.db.QueryContext(ctx, `SELECT owner_id FROM posts`)
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		d.getUser(ctx, id) // want `N\+1: lookalikes.\(\*DB\).getUser runs \(\*sql.DB\).QueryRowContext once per element of ids`
	}
}

type provider struct{ name string }

func (p provider) Accepts(user, password string) bool { return p.name != "" }

// A login tried against each configured provider: the statements after the
// last continue run for the first provider that accepts, then the loop
// ends. Before that continue, the query runs once per provider.
func (d *DB) Login(ctx context.Context, providers []provider, user, password string) error {
	for _, p := range providers {
		if !p.Accepts(user, password) {
			continue
		}
		if _, err := d.db.ExecContext(ctx, "INSERT INTO users (name, source) VALUES ($1, $2)", user, p.name); err != nil {
			return err
		}
		break
	}
	for _, p := range providers {
		var n int
		d.db.QueryRowContext(ctx, "SELECT count(*) FROM logins WHERE source = $1", p.name).Scan(&n) // want `N\+1`
		if n == 0 {
			continue
		}
		break
	}
	return nil
}

// One worker per configured provider, each syncing on its own timer: N
// workers, not N round trips. A goroutine per element that does one
// query and ends is still one query per element.
func (d *DB) StartSync(ctx context.Context, providers []provider) {
	for _, p := range providers {
		go func(p provider) {
			d.db.ExecContext(ctx, "UPDATE users SET synced = now() WHERE source = $1", p.name)
			running := true
			for running {
				select {
				case <-ctx.Done():
					running = false
					continue
				case <-time.After(time.Hour):
				}
				d.db.ExecContext(ctx, "UPDATE users SET synced = now() WHERE source = $1", p.name)
			}
		}(p)
	}
	for _, p := range providers {
		go func(p provider) {
			d.db.ExecContext(ctx, "UPDATE users SET synced = now() WHERE source = $1", p.name) // want `N\+1 write`
		}(p)
	}
}

// A pool of workers fed from a channel does the elements' work: each
// element still costs a round trip.
func (d *DB) Enrich(ctx context.Context) {
	rows, _ := d.db.QueryContext(ctx, "SELECT name FROM users LIMIT 500")
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	ch := make(chan string)
	var wg sync.WaitGroup
	workers := min(len(names), 10)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range ch {
				var n int
				d.db.QueryRowContext(ctx, "SELECT count(*) FROM peers WHERE owner = $1", name).Scan(&n) // want `N\+1`
			}
		}()
	}
	for _, n := range names {
		ch <- n
	}
	close(ch)
	wg.Wait()
}

// A filter's conditions: loaded from the database only when the caller
// gives none (gochan's VerifySingleCondition).
type Filter struct {
	ID int64
	db *sql.DB
}

func (f *Filter) conditions(ctx context.Context) []string {
	rows, _ := f.db.QueryContext(ctx, "SELECT expr FROM conditions WHERE filter_id = $1", f.ID)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		rows.Scan(&e)
		out = append(out, e)
	}
	return out
}

func (f *Filter) verify(ctx context.Context, given ...[]string) bool {
	var check []string
	if len(given) == 0 {
		check = f.conditions(ctx)
	} else {
		check = given[0]
	}
	return len(check) == 1
}

func (f *Filter) verifyNil(ctx context.Context, given ...[]string) bool {
	if given != nil {
		return len(given[0]) == 1
	}
	return len(f.conditions(ctx)) == 1
}

// verifyVia passes on what its caller gives.
func verifyVia(ctx context.Context, f *Filter, given ...[]string) bool {
	return f.verify(ctx, given...)
}

// Look-alike: every call passes the conditions, so verify never queries.
func verifyAll(ctx context.Context, filters []*Filter, conds [][]string) {
	for i, f := range filters {
		f.verify(ctx, conds[i])
		f.verifyNil(ctx, conds[i])
		verifyVia(ctx, f, conds[i])
	}
}

// The real one: no conditions given, so each call loads them.
func verifyEach(ctx context.Context, filters []*Filter) {
	for _, f := range filters {
		f.verify(ctx)     // want `N\+1: lookalikes.\(\*Filter\).verify runs`
		f.verifyNil(ctx)  // want `N\+1: lookalikes.\(\*Filter\).verifyNil runs`
		verifyVia(ctx, f) // want `N\+1: lookalikes.verifyVia runs`
	}
}

// A batch flushed every 100 ids after the first hundred, and the rest on
// the last iteration (next-terminal's ReviewedAll): once per batch.
func markAll(ctx context.Context, db *sql.DB, ids []string) {
	var batch []string
	total := len(ids)
	for i := range ids {
		batch = append(batch, ids[i])
		if i >= 100 && i%100 == 0 {
			db.ExecContext(ctx, "UPDATE sessions SET reviewed = true WHERE id = ANY($1)", batch)
			batch = nil
		} else if i == total-1 {
			db.ExecContext(ctx, "UPDATE sessions SET reviewed = true WHERE id = ANY($1)", batch)
		}
	}
}

// The real one: next moves with the loop, so i == next holds again and
// again.
func markEvery(ctx context.Context, db *sql.DB, ids []string) {
	next := 0
	for i := range ids {
		if i == next {
			db.ExecContext(ctx, "UPDATE sessions SET reviewed = true WHERE id = $1", ids[i]) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of ids`
			next += 2
		}
	}
}

// A gateway the process already holds, looked up in its manager first;
// the database is asked only when the manager has none (a miss).
func (d *DB) gateway(ctx context.Context, id string) *settingcache.Gateway {
	g := settingcache.Gateways.GetByID(id)
	if g == nil {
		d.db.QueryRowContext(ctx, "SELECT id FROM gateways WHERE id = $1", id)
		g = &settingcache.Gateway{ID: id}
	}
	return g
}

func (d *DB) gatewayStates(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.gateway(ctx, id)
	}
}

// The real one: a lookup that may return nil for a gateway the manager
// holds is no cache; its result decides nothing here.
func (d *DB) gatewayAlways(ctx context.Context, id string) *settingcache.Gateway {
	g := settingcache.Gateways.GetByID(id)
	d.db.QueryRowContext(ctx, "SELECT id FROM gateways WHERE id = $1", id)
	return g
}

func (d *DB) gatewayStatesAlways(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.gatewayAlways(ctx, id) // want `N\+1: lookalikes.\(\*DB\).gatewayAlways runs`
	}
}

// A pool of workers started n times, each writing the entries it
// receives (gin-admin's log hook): once per entry, not per worker.
func (d *DB) startWriters(ctx context.Context, n int, entries chan string) {
	for i := 0; i < n; i++ {
		go func() {
			for e := range entries {
				d.db.ExecContext(ctx, "INSERT INTO logs (line) VALUES ($1)", e)
			}
		}()
	}
}

// The real one: a goroutine per element, each writing its element.
func (d *DB) writeEach(ctx context.Context, lines []string) {
	for i := 0; i < len(lines); i++ {
		go func() {
			d.db.ExecContext(ctx, "INSERT INTO logs (line) VALUES ($1)", lines[i]) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of lines`
		}()
	}
}

// A gateway looked up in the manager first, the database asked only on a
// miss or to reconnect one that is down: a cache refreshing a stale entry.
func (d *DB) gatewayConnected(ctx context.Context, id string) *settingcache.Gateway {
	g := settingcache.Gateways.GetByID(id)
	if g == nil || !g.Connected {
		d.db.QueryRowContext(ctx, "SELECT id FROM gateways WHERE id = $1", id)
		g = &settingcache.Gateway{ID: id, Connected: true}
	}
	return g
}

func (d *DB) gatewaysConnected(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.gatewayConnected(ctx, id)
	}
}

// The real one: the second test is not about the entry, so the database
// is asked for every id that is set, cached or not.
func (d *DB) gatewayOrID(ctx context.Context, id string) *settingcache.Gateway {
	g := settingcache.Gateways.GetByID(id)
	if g == nil || id != "" {
		d.db.QueryRowContext(ctx, "SELECT id FROM gateways WHERE id = $1", id)
	}
	return g
}

func (d *DB) gatewaysOrID(ctx context.Context, ids []string) {
	for _, id := range ids {
		d.gatewayOrID(ctx, id) // want `N\+1: lookalikes.\(\*DB\).gatewayOrID runs`
	}
}

// A rollback: the tasks just inserted are deleted one by one only when
// the queue refused them, once per failed push, not per request.
func (d *DB) pushAll(ctx context.Context, ids []int64, push func([]int64) error) error {
	for _, id := range ids {
		d.db.ExecContext(ctx, "INSERT INTO tasks (id) VALUES ($1)", id) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of ids`
	}
	if err := push(ids); err != nil {
		for _, id := range ids {
			d.db.ExecContext(ctx, "DELETE FROM tasks WHERE id = $1", id)
		}
		return err
	}
	return nil
}

// The real one: the loop runs when the push succeeded, on every call.
func (d *DB) pushedAll(ctx context.Context, ids []int64, push func([]int64) error) error {
	if err := push(ids); err == nil {
		for _, id := range ids {
			d.db.ExecContext(ctx, "UPDATE tasks SET pushed = true WHERE id = $1", id) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of ids`
		}
	}
	return nil
}

// Look-alike of a rollback: a lookup that found nothing tries each group
// in turn, an ordinary path (a user granted through a group).
func (d *DB) grantOf(ctx context.Context, user int64, groups []int64) error {
	err := d.db.QueryRowContext(ctx, "SELECT 1 FROM grants WHERE user_id = $1", user).Scan()
	if errors.Is(err, sql.ErrNoRows) {
		for _, g := range groups {
			d.db.QueryRowContext(ctx, "SELECT 1 FROM grants WHERE group_id = $1", g) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of groups`
		}
	}
	return err
}

// Rows of one COPY: each Exec buffers a row and the last one sends them
// all, PostgreSQL's bulk form.
func (d *DB) copyAll(ctx context.Context, tx *sql.Tx, names []string) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("members", "name"))
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The real one: a prepared INSERT is still a round trip per row.
func (d *DB) insertAll(ctx context.Context, tx *sql.Tx, names []string) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO members (name) VALUES ($1)")
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil { // want `N\+1 write: \(\*sql.Stmt\).ExecContext runs once per element of names`
			return err
		}
	}
	return nil
}

// The same, with the miss tested inside the failure test.
func (d *DB) grantOfNested(ctx context.Context, user int64, groups []int64) error {
	err := d.db.QueryRowContext(ctx, "SELECT 1 FROM grants WHERE user_id = $1", user).Scan()
	if err != nil {
		if errors.Is(sql.ErrNoRows, err) {
			for _, g := range groups {
				d.db.QueryRowContext(ctx, "SELECT 1 FROM grants WHERE group_id = $1", g) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of groups`
			}
		}
	}
	return err
}

type metric struct {
	ProjectID int64
	New       bool
}

// One job per project, behind a set of the projects already handled.
func (d *DB) queueDashboards(ctx context.Context, metrics []metric) {
	seen := make(map[int64]bool)
	for _, m := range metrics {
		if !m.New || seen[m.ProjectID] {
			continue
		}
		seen[m.ProjectID] = true
		d.db.ExecContext(ctx, "INSERT INTO jobs (project_id) VALUES ($1)", m.ProjectID)
	}
}

// The real one: the set is keyed by the element itself.
func (d *DB) queueEach(ctx context.Context, ids []int64) {
	seen := make(map[int64]bool)
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		d.db.ExecContext(ctx, "INSERT INTO jobs (id) VALUES ($1)", id) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of ids`
	}
}

type task struct {
	ID      int64
	AgentID int64
}

// agentName memoises the lookup in the map it is handed.
func (d *DB) agentName(ctx context.Context, names map[int64]string, agentID int64) string {
	name, ok := names[agentID]
	if ok {
		return name
	}
	d.db.QueryRowContext(ctx, "SELECT name FROM agents WHERE id = $1", agentID).Scan(&name)
	names[agentID] = name
	return name
}

// One lookup per distinct agent, not per task.
func (d *DB) taskAgents(ctx context.Context, tasks []task) {
	names := make(map[int64]string)
	for _, t := range tasks {
		d.agentName(ctx, names, t.AgentID)
	}
}

// The real ones: keyed by the element itself, or a map made per element.
func (d *DB) agentsByID(ctx context.Context, ids []int64) {
	names := make(map[int64]string)
	for _, id := range ids {
		d.agentName(ctx, names, id) // want `N\+1: lookalikes.\(\*DB\).agentName runs`
	}
}

func (d *DB) taskAgentsFresh(ctx context.Context, tasks []task) {
	for _, t := range tasks {
		names := make(map[int64]string)
		d.agentName(ctx, names, t.AgentID) // want `N\+1: lookalikes.\(\*DB\).agentName runs`
	}
}

// A helper that looks the quoted message up only when given one:
// if replyID == nil { return } leaves the rest to calls that pass one
// (gowa's mergeReplyContext).
func quoted(ctx context.Context, db *sql.DB, replyID *string) string {
	if replyID == nil || *replyID == "" {
		return ""
	}
	var text string
	db.QueryRowContext(ctx, "SELECT text FROM messages WHERE id = $1", *replyID).Scan(&text)
	return text
}

type SendRequest struct {
	To      string
	ReplyID *string
}

// send passes on its request's ReplyID.
func send(ctx context.Context, db *sql.DB, req SendRequest) string {
	return req.To + quoted(ctx, db, req.ReplyID)
}

// Look-alike: no reply to look up, given as nil or left out of the
// request literal.
func forwardAll(ctx context.Context, db *sql.DB, to []string) {
	for _, t := range to {
		quoted(ctx, db, nil)
		send(ctx, db, SendRequest{To: t})
	}
}

// The real one: each call names a message to quote.
func replyAll(ctx context.Context, db *sql.DB, to []string, reply string) {
	for _, t := range to {
		quoted(ctx, db, &t)                            // want `N\+1: lookalikes.quoted runs`
		send(ctx, db, SendRequest{To: t, ReplyID: &t}) // want `N\+1: lookalikes.send runs`
	}
}

// A helper whose lookup runs unless the kind is "status".
func recipient(ctx context.Context, db *sql.DB, kind, email string) string {
	if kind != "status" {
		var owner string
		db.QueryRowContext(ctx, "SELECT email FROM owners LIMIT 1").Scan(&owner)
		return owner
	}
	return email
}

// Look-alike: every call passes "status".
func notifyCommenters(ctx context.Context, db *sql.DB, emails []string) {
	for _, e := range emails {
		recipient(ctx, db, "status", e)
	}
}

// The real one: another kind, so each call reads the owner again.
func notifyOwner(ctx context.Context, db *sql.DB, emails []string) {
	for _, e := range emails {
		recipient(ctx, db, "hot-"+e, e) // want `N\+1: lookalikes.recipient runs`
	}
}

// A predicate of one return: its test of kind becomes the caller's (ech0's
// useCommentRecipient).
func toCommenter(kind string) bool { return kind == "status" || kind == "hot" }

func notifyTo(ctx context.Context, db *sql.DB, kind, email string) string {
	if toCommenter(kind) {
		return email
	}
	var owner string
	db.QueryRowContext(ctx, "SELECT email FROM owners LIMIT 1").Scan(&owner)
	return owner
}

// Look-alike: "status" goes to the commenter; the owner is never read.
func notifyStatus(ctx context.Context, db *sql.DB, emails []string) {
	for _, e := range emails {
		notifyTo(ctx, db, "status", e)
	}
}

// The real one: a kind the predicate rejects reads the owner each time.
func notifyReplies(ctx context.Context, db *sql.DB, emails []string) {
	for _, e := range emails {
		notifyTo(ctx, db, "reply", e) // want `N\+1: lookalikes.notifyTo runs`
	}
}
