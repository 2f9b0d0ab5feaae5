// Package provenance: the level of an N+1 follows where the loop's
// collection comes from.
package provenance

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"provconst"
)

type Server struct{ db *sql.DB }

type Order struct {
	ID     int64
	UserID int64
	Tags   []string
}

func (s *Server) user(ctx context.Context, id int64) string {
	var name string
	s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}

func (s *Server) orders(ctx context.Context) []Order {
	rows, _ := s.db.QueryContext(ctx, "SELECT id, user_id FROM orders LIMIT 100")
	var out []Order
	for rows.Next() {
		var o Order
		rows.Scan(&o.ID, &o.UserID)
		out = append(out, o)
	}
	return out
}

// The rows of a query with a LIMIT: an error, and the message says N is
// as many rows as the read returns, not that it grows with the table.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	for _, o := range s.orders(r.Context()) {
		s.user(r.Context(), o.UserID) // want `N\+1: provenance.\(\*Server\).user runs .* the loop walks the rows of provenance.\(\*Server\).orders, so N is as many rows as that read returns`
	}
}

// The ids of one request: N is bounded by the request, a warning.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) {
	var req struct{ IDs []int64 }
	json.NewDecoder(r.Body).Decode(&req)
	for _, id := range req.IDs {
		s.user(r.Context(), id) // want `the loop walks the items of one request, so N is bounded by its size`
	}
	for _, id := range r.URL.Query()["id"] {
		_ = id
		s.user(r.Context(), 1) // want `loop-invariant query`
	}
}

// The orders of the ids one request lists: as many rows as it lists, so N
// is bounded by the request, a warning.
func (s *Server) ordersByIDs(ctx context.Context, ids []int64) []Order {
	rows, _ := s.db.QueryContext(ctx, "SELECT id, user_id FROM orders WHERE id = ANY($1)", ids)
	var out []Order
	for rows.Next() {
		var o Order
		rows.Scan(&o.ID, &o.UserID)
		out = append(out, o)
	}
	return out
}

func (s *Server) selected(w http.ResponseWriter, r *http.Request) {
	var req struct{ IDs []int64 }
	json.NewDecoder(r.Body).Decode(&req)
	for _, o := range s.ordersByIDs(r.Context(), req.IDs) {
		s.user(r.Context(), o.UserID) // want `the loop walks the rows of provenance.\(\*Server\).ordersByIDs for the ids of one request, so N is bounded by its size`
	}
}

// Look-alike: the orders of one user the request names are every row of
// that user, as many as the table holds: an error.
func (s *Server) ordersOf(ctx context.Context, user int64) []Order {
	rows, _ := s.db.QueryContext(ctx, "SELECT id, user_id FROM orders WHERE user_id = $1", user)
	var out []Order
	for rows.Next() {
		var o Order
		rows.Scan(&o.ID, &o.UserID)
		out = append(out, o)
	}
	return out
}

func (s *Server) byUser(w http.ResponseWriter, r *http.Request) {
	var req struct{ User int64 }
	json.NewDecoder(r.Body).Decode(&req)
	for _, o := range s.ordersOf(r.Context(), req.User) {
		s.user(r.Context(), o.UserID) // want `the loop walks the rows of provenance.\(\*Server\).ordersOf, a read with no row limit, so N grows with the table`
	}
}

// The ids one request lists, comma-separated: a warning.
func (s *Server) deleteSome(w http.ResponseWriter, r *http.Request) {
	for _, id := range strings.Split(r.URL.Query().Get("ids"), ",") {
		s.db.ExecContext(r.Context(), "DELETE FROM orders WHERE id = $1", id) // want `N\+1 write: .* the loop walks the items of one request, so N is bounded by its size`
	}
}

// The tags of one order: bounded by one entity, a warning.
func (s *Server) tags(ctx context.Context, id int64) {
	var o Order
	s.db.QueryRowContext(ctx, "SELECT id FROM orders WHERE id = $1", id).Scan(&o.ID)
	for _, t := range o.Tags {
		s.db.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = $1", t) // want `the loop walks the items of one Order, so N is bounded by its size`
	}
}

// A list written in the code, and a package-level table: not reported.
var tables = []string{"sessions", "tokens", "events"}

func (s *Server) purge(ctx context.Context) {
	for _, t := range tables {
		s.db.ExecContext(ctx, "DELETE FROM "+t+" WHERE created < now() - interval '1 day'")
	}
	for _, id := range []int64{1, 2, 3} {
		s.user(ctx, id)
	}
}

// A table written in another package's code is as fixed (a fact says so);
// a package-level list that starts empty is not.
func (s *Server) purgeVerifications(ctx context.Context, userID int64) {
	for _, kind := range provconst.VerificationTypes {
		s.db.ExecContext(ctx, "DELETE FROM verifications WHERE user_id = $1 AND kind = $2", userID, kind)
	}
	for _, id := range provconst.Loaded {
		s.user(ctx, id) // want `N\+1`
	}
}

// A function that returns a list written in the code, in another package:
// its result is as fixed as the table (a fact says so). One whose result
// is filled at run time is not.
func (s *Server) registerRoutes(ctx context.Context, info provconst.Info) {
	for _, route := range info.Routes() {
		s.db.ExecContext(ctx, "INSERT INTO apis (path) VALUES ($1)", route)
	}
	for _, table := range provconst.Tables() {
		s.db.ExecContext(ctx, "DELETE FROM audit WHERE kind = $1", table)
	}
	for _, kind := range provconst.Kinds() {
		s.db.ExecContext(ctx, "DELETE FROM verifications WHERE kind = $1", kind)
	}
	for _, name := range info.Names(3) {
		s.db.ExecContext(ctx, "INSERT INTO apis (path) VALUES ($1)", name) // want `N\+1 write`
	}
}

// Writes on a failure path record the failure, once per failing element.
func (s *Server) deliver(ctx context.Context, hooks []Order) {
	for _, h := range hooks {
		if err := post(h); err != nil {
			s.db.ExecContext(ctx, "UPDATE hooks SET disabled = true WHERE id = $1", h.ID)
		}
	}
}

var errDigestMismatch = errors.New("digest mismatch")

func verify(Order) error { return nil }

// A failure told by a sentinel error (hockeypuck's ErrDigestMismatch):
// the repair runs once per broken element.
func (s *Server) repair(ctx context.Context, orders []Order) {
	for _, o := range orders {
		if err := verify(o); err == errDigestMismatch {
			s.db.ExecContext(ctx, "UPDATE orders SET digest = NULL WHERE id = $1", o.ID)
		}
	}
}

// The same write when the check passed: every element.
func (s *Server) stamp(ctx context.Context, orders []Order) {
	for _, o := range orders {
		if err := verify(o); err == nil {
			s.db.ExecContext(ctx, "UPDATE orders SET verified = true WHERE id = $1", o.ID) // want `N\+1 write`
		}
	}
}

// A read that resolves a failure (the insert collided: find the row that
// won) runs once per failing element.
func (s *Server) insertAll(ctx context.Context, orders []Order) {
	for _, o := range orders {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", o.ID); err != nil { // want `N\+1 write`
			s.db.QueryRowContext(ctx, "SELECT id FROM orders WHERE id = $1", o.ID)
		}
	}
}

func post(Order) error { return nil }

// Look-alike: the same write on every element is an N+1 write.
func (s *Server) touch(ctx context.Context, hooks []Order) {
	for _, h := range hooks {
		s.db.ExecContext(ctx, "UPDATE hooks SET seen = now() WHERE id = $1", h.ID) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of hooks`
	}
}

// Chunks already cut into batches: one query per chunk is the batching.
func (s *Server) byChunks(ctx context.Context, chunks [][]int64) {
	for _, ids := range chunks {
		s.db.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", ids)
	}
}

// The same cut by an iterator (slices.Chunk) as the loop goes.
func (s *Server) byChunkIterator(ctx context.Context, ids []int64) {
	for chunk := range slices.Chunk(ids, 200) {
		s.db.QueryContext(ctx, "SELECT id FROM users WHERE id = ANY($1)", chunk)
	}
}

// An iterator of single ids is a loop over elements.
func (s *Server) byIDIterator(ctx context.Context, ids []int64) {
	for _, id := range slices.All(ids) {
		s.db.QueryContext(ctx, "SELECT id FROM users WHERE id = $1", id) // want `N\+1: \(\*sql.DB\).QueryContext runs once per element of slices.All\(ids\)`
	}
}

// A helper that retries over a list of backoff delays is a retry, not a
// loop over data.
var backoff = []time.Duration{100 * time.Millisecond, 500 * time.Millisecond, time.Second}

func (s *Server) withRetry(ctx context.Context, id int64) error {
	for _, d := range backoff {
		if _, err := s.db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", id); err == nil {
			return nil
		}
		time.Sleep(d)
	}
	return nil
}

// A worker that runs each job (an outbound request) and then marks it
// done: the write acknowledges one job, it is not an N+1.
func (s *Server) runJobs(ctx context.Context, jobs []Order) {
	for _, j := range jobs {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://hooks.example.com", nil)
		if _, err := http.DefaultClient.Do(req); err != nil {
			continue
		}
		s.db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", j.ID)
	}
}

// A loop that tests one upstream after another, pausing between them:
// its time goes to the requests and the pauses, not to the read beside
// them.
func (s *Server) probeAll(ctx context.Context, upstreams []Order) {
	for _, u := range upstreams {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://upstream.example.com", nil)
		if _, err := http.DefaultClient.Do(req); err != nil {
			continue
		}
		var owner string
		s.db.QueryRowContext(ctx, "SELECT owner FROM upstreams WHERE id = $1", u.ID).Scan(&owner)
		time.Sleep(time.Second)
	}
}

// Look-alike: the upstream is called only for some elements (a crawler
// turned on): the read per element is still the loop's cost.
func (s *Server) refreshAll(ctx context.Context, entries []Order, crawl bool) {
	for _, e := range entries {
		var seen bool
		s.db.QueryRowContext(ctx, "SELECT true FROM entries WHERE id = $1", e.ID).Scan(&seen) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of entries`
		if crawl && !seen {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://site.example.com", nil)
			http.DefaultClient.Do(req)
		}
	}
}

// A helper that delivers to one webhook and logs the delivery: the log
// row records the outbound call, which dwarfs it.
func (s *Server) deliverAll(ctx context.Context, hooks []Order) {
	for _, h := range hooks {
		s.deliverOne(ctx, h)
	}
}

func (s *Server) deliverOne(ctx context.Context, h Order) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://hooks.example.com", nil)
	resp, err := http.DefaultClient.Do(req)
	status := 0
	if err == nil {
		status = resp.StatusCode
	}
	s.db.ExecContext(ctx, "INSERT INTO hook_log (hook_id, status) VALUES ($1, $2)", h.ID, status)
}

// A helper that runs one command on a remote agent over SSH and records
// the job: the row records the remote work, which dwarfs it.
func (s *Server) runOnAgents(ctx context.Context, agents []ssh.Conn, jobs []Order) {
	for i, a := range agents {
		s.runOnAgent(ctx, a, jobs[i])
	}
}

func (s *Server) runOnAgent(ctx context.Context, a ssh.Conn, j Order) {
	ok, _, _ := a.SendRequest("run_cmd", true, nil)
	s.db.ExecContext(ctx, "INSERT INTO jobs (id, ok) VALUES ($1, $2)", j.ID, ok)
}

// Look-alike: a helper that only logs is one write per element.
func (s *Server) logAll(ctx context.Context, hooks []Order) {
	for _, h := range hooks {
		s.logOnly(ctx, h) // want `N\+1 write: provenance.\(\*Server\).logOnly runs`
	}
}

func (s *Server) logOnly(ctx context.Context, h Order) {
	s.db.ExecContext(ctx, "INSERT INTO hook_log (hook_id) VALUES ($1)", h.ID)
}

// Look-alike: the mark comes before the work, with nothing to
// acknowledge: still one write per element.
func (s *Server) markThenRun(ctx context.Context, jobs []Order) {
	for _, j := range jobs {
		s.db.ExecContext(ctx, "UPDATE jobs SET started = now() WHERE id = $1", j.ID) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of jobs`
		go http.Get("https://hooks.example.com")
	}
}

// A status written as each action starts, beside the action's own
// synchronous request: the request is what the loop costs, and the write
// records its progress.
func (s *Server) runActions(ctx context.Context, actions []Order) {
	for _, a := range actions {
		s.db.ExecContext(ctx, "INSERT INTO action_status (id, state) VALUES ($1, 'pending')", a.ID)
		http.Post("https://client.example.com/add", "text/plain", nil)
	}
}

// A slice declared empty and filled later (a query's Select(&x), a
// decoder) is not a list written in the code.
func (s *Server) filled(ctx context.Context) {
	orders := []Order{}
	fill(&orders)
	for _, o := range orders {
		s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", o.UserID) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of orders`
	}
}

func fill(*[]Order) {}

// CSV records are rows, not chunks: the body picks their cells.
func (s *Server) importCSV(ctx context.Context, r io.Reader) {
	records, _ := csv.NewReader(r).ReadAll()
	for _, rec := range records {
		s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", rec[0]) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of records`
	}
}

// A helper that queries only when something failed (the cached name is
// stale) makes no round trip per element when nothing fails.
func (s *Server) label(ctx context.Context, id int64, cached map[int64]string) (string, error) {
	name, err := decode(cached[id])
	if err != nil {
		err = s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	}
	return name, err
}

func decode(s string) (string, error) { return s, nil }

func (s *Server) labels(ctx context.Context, ids []int64, cached map[int64]string) {
	for _, id := range ids {
		s.label(ctx, id, cached)
	}
}

// The text of a strings.Builder comes from a method of package strings
// that takes no argument: its provenance is unknown, like any other call's
// (this once crashed the analyzer).
func (s *Server) builderLines(w http.ResponseWriter, r *http.Request) {
	var sb strings.Builder
	sb.WriteString(r.URL.Path)
	var lines []string
	lines = append(lines, sb.String())
	for _, l := range lines {
		s.user(r.Context(), int64(len(l))) // want `N\+1: provenance.\(\*Server\).user runs`
	}
}
