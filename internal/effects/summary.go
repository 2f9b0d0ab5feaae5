package effects

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apilint/apilint/internal/apis"
)

func (s *Summary) effects() []Effect {
	if s == nil {
		return nil
	}
	return s.Effects
}

// addUses adds u's parameters to the summary, reporting a change.
func (s *Summary) addUses(u paramUses) bool {
	changed := false
	for _, p := range u.sqlParams {
		changed = s.addSQLParam(p) || changed
	}
	for _, p := range u.limitParams {
		changed = addParam(&s.LimitParams, p) || changed
	}
	for _, p := range u.ctxParams {
		changed = addParam(&s.CtxParams, p) || changed
	}
	for _, p := range u.keyParams {
		changed = addParam(&s.KeyParams, p) || changed
	}
	for _, p := range u.deadlineParams {
		changed = addParamUse(&s.DeadlineParams, p) || changed
	}
	for _, p := range u.bodyParams {
		changed = addParamUse(&s.BodyParams, p) || changed
	}
	return changed
}

// Kind is what a function may do when called.
type Kind string

// The kinds of effects.
const (
	DBReadMany Kind = "db-read-many"  // a query that can return many rows
	DBReadOne  Kind = "db-read-one"   // a single-row query
	DBWrite    Kind = "db-write"      // a statement that changes data
	DBOther    Kind = "db-round-trip" // begin, commit, rollback, ping, prepare
	DBBatch    Kind = "db-batch"      // sending a queued batch (pgx SendBatch, a redis pipeline)
	Datastore  Kind = "datastore"     // a cache or key-value store round trip
	HTTP       Kind = "http"          // an outbound HTTP request
	Blocking   Kind = "blocking"      // slow synchronous work: sleep, mail, a command

	// UnboundedRead is a many-row read with no row limit: SQL without
	// LIMIT, a builder chain without Limit, a MongoDB Find without
	// SetLimit.
	UnboundedRead Kind = "db-read-unbounded"
	// PageInput is reading a pagination query parameter (limit, page,
	// cursor, ...).
	PageInput Kind = "pagination-input"
	// BodyRead is reading a whole request body with no size cap.
	BodyRead Kind = "body-read-unbounded"
	// HTTPFanout is one outbound HTTP request per element of a loop.
	HTTPFanout Kind = "http-per-element"
	// NoContext is a database round trip made without a context where no
	// context is in scope: no caller's context can cancel it.
	NoContext Kind = "db-no-context"
)

// IsDB reports whether k is a database round trip.
func (k Kind) IsDB() bool {
	return k == DBReadMany || k == DBReadOne || k == DBWrite || k == DBOther || k == DBBatch
}

// IsRoundTrip reports whether k is a database or datastore round trip.
func (k Kind) IsRoundTrip() bool { return k.IsDB() || k == Datastore }

// kindOf maps a library call's kind to the effect it has.
func kindOf(k apis.Kind) (Kind, bool) {
	switch k {
	case apis.ReadMany:
		return DBReadMany, true
	case apis.ReadOne:
		return DBReadOne, true
	case apis.Write:
		return DBWrite, true
	case apis.RoundTrip:
		return DBOther, true
	case apis.BatchSend:
		return DBBatch, true
	case apis.Datastore:
		return Datastore, true
	case apis.HTTP:
		return HTTP, true
	case apis.Blocking:
		return Blocking, true
	}
	return "", false
}

// Effect is one thing a function may do, and how: the chain of calls from
// the function to the library call that does it.
type Effect struct {
	Kind Kind
	// Chain names the callees from the function (excluded) to the library
	// call (last): ["store.(*PG).GetUser", "(*sql.DB).QueryRowContext"].
	Chain Chain
	// Site is where the library call is, "store.go:41".
	Site string
	// Inferred is set when the chain crosses an interface whose
	// implementation was not visible and the naming heuristic applied.
	Inferred bool
	// Async is set when the effect happens in a goroutine the function
	// starts and does not wait for.
	Async bool
	// Detail adds what the kind needs for messages: the SQL of an
	// unbounded read, the parameter of a pagination input.
	Detail string
	// Cached is set when the function reaches the effect only after a
	// lookup in an in-process cache missed (if v, ok := cache[k]; ok {
	// return v }): calls with the same key make one round trip, not one
	// each.
	Cached bool
	// Looped is set when the function reaches the effect only inside a
	// loop of its own (per element, or polling): a caller's loop around
	// it does not add a new per-element round trip to report.
	Looped bool
	// Guard is the test of a parameter the effect happens under, if any.
	Guard Guard
	// Variant is set when the chain crosses an interface call whose
	// implementations mostly do not have the effect: it is one backend's
	// behaviour among several (a storage driver, a file system), taken
	// only where the program is configured to use that backend. See
	// variantShare.
	Variant bool
	// Failure is set when the function reaches the effect only when
	// something failed: inside if err != nil (or errors.Is, errors.As),
	// here or in a callee (mail an alert when a status cannot be saved).
	Failure bool
}

// Call is the library call at the end of the chain.
func (e Effect) Call() string { return e.Chain.Last() }

// better reports whether e is a better witness than o for the same kind:
// certain before inferred, then outside a loop of its own, then every
// backend's before one backend's (Variant), then on every path before on
// failure only, then shorter chains, then by name for determinism.
func (e Effect) better(o Effect) bool {
	if e.Inferred != o.Inferred {
		return !e.Inferred
	}
	if e.Kind == BodyRead && bodyRank(e) != bodyRank(o) {
		return bodyRank(e) > bodyRank(o)
	}
	if e.Looped != o.Looped {
		return !e.Looped
	}
	if e.Variant != o.Variant {
		return !e.Variant
	}
	if e.Failure != o.Failure {
		return !e.Failure
	}
	return e.Chain.less(o.Chain)
}

// bodyRank orders the witnesses of a BodyRead by how surely they read a
// body whatever the route: a whole read (io.ReadAll, a JSON decoder) on
// every method, a binder (gin's Bind) on all but GET, HEAD and DELETE, a
// form parse (FormValue) only on POST, PUT and PATCH. A handler that
// reads a form value and then decodes the body reads the body.
func bodyRank(e Effect) int {
	switch e.Detail {
	case FormBody:
		return 0
	case BoundBody:
		return 1
	}
	return 2
}

// Summary is what a function may do when called, exported as an object
// fact on the function so that callers in other packages see through it.
type Summary struct {
	// Effects holds at most one effect per (Kind, Async): the best witness.
	Effects []Effect
	// CallParams are the indexes of function-typed parameters the
	// function calls (synchronously).
	CallParams []int
	// LoopParams are the indexes of function-typed parameters the function
	// calls once per element of a loop (a map or for-each helper).
	LoopParams []int
	// SQLParams are string parameters used as the SQL text of a many-row
	// read: a caller passing a constant decides whether it is bounded.
	SQLParams []ParamUse
	// LimitParams are the indexes of parameters that end up as a query's
	// row limit (LIMIT $n, .Limit(n), SetLimit(n)).
	LimitParams []int
	// CtxParams are the indexes of context.Context parameters that reach a
	// database, datastore or HTTP call.
	CtxParams []int
	// DeadlineParams are context.Context parameters that alone bound an
	// outbound HTTP request, with the chain to it: the request goes
	// through a client with no Timeout (http.DefaultClient) with a
	// context derived from the parameter and no deadline added. A caller
	// passing a context with no deadline (a request's, Background) lets
	// it wait forever.
	DeadlineParams []ParamUse
	// BodyParams are *http.Request parameters whose whole body the
	// function reads with no cap (io.ReadAll(r.Body), a JSON decoder on
	// it), with the chain to the read: a body read when the caller passes
	// the request it serves, nothing when it passes one it built to send
	// (the body of an outbound request is the program's own).
	BodyParams []ParamUse
	// KeyParams are the indexes of string parameters used as the name of
	// a query parameter the function reads (a QueryInt(r, "limit") helper).
	KeyParams []int
	// Handler is set when the function's own package takes it for a
	// request handler and reports its findings: a package that
	// registers it does not report them again.
	Handler bool
	// MapEntry is set when the function only returns an entry of an
	// in-process map (return m.gateways[id], under a lock or not): a
	// cache's lookup, whose nil result is a miss.
	MapEntry bool
}

// ParamUse is a parameter used as SQL text, the chain from the function
// to the library call that runs it, and that call's kind. The caller
// that passes the text decides what the call does: a constant INSERT is a
// write whatever the API, a SELECT with no LIMIT an unbounded read.
type ParamUse struct {
	Param int
	Chain Chain
	Kind  Kind
	// Site is where the library call is, for BodyParams.
	Site string
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	for _, e := range s.Effects {
		p := string(e.Kind)
		if e.Async {
			p += " async"
		}
		if e.Looped {
			p += " looped"
		}
		if e.Inferred {
			p += " inferred"
		}
		if e.Cached {
			p += " cached"
		}
		if e.Variant {
			p += " variant"
		}
		if e.Failure {
			p += " on-failure"
		}
		parts = append(parts, p+" via "+e.Chain.String())
	}
	if len(s.CallParams) > 0 {
		parts = append(parts, fmt.Sprintf("calls param %v", s.CallParams))
	}
	if len(s.LoopParams) > 0 {
		parts = append(parts, fmt.Sprintf("loops param %v", s.LoopParams))
	}
	for _, u := range s.SQLParams {
		parts = append(parts, fmt.Sprintf("sql param %d (%s) via %s", u.Param, u.Kind, u.Chain.String()))
	}
	if len(s.LimitParams) > 0 {
		parts = append(parts, fmt.Sprintf("limit param %v", s.LimitParams))
	}
	if len(s.CtxParams) > 0 {
		parts = append(parts, fmt.Sprintf("ctx param %v", s.CtxParams))
	}
	for _, u := range s.DeadlineParams {
		parts = append(parts, fmt.Sprintf("deadline param %d via %s", u.Param, u.Chain.String()))
	}
	for _, u := range s.BodyParams {
		parts = append(parts, fmt.Sprintf("body param %d via %s", u.Param, u.Chain.String()))
	}
	if len(s.KeyParams) > 0 {
		parts = append(parts, fmt.Sprintf("query key param %v", s.KeyParams))
	}
	if s.Handler {
		parts = append(parts, "handler")
	}
	if s.MapEntry {
		parts = append(parts, "map entry")
	}
	return strings.Join(parts, "; ")
}

// List returns s's effects; nil for a nil summary.
func (s *Summary) List() []Effect {
	if s == nil {
		return nil
	}
	return s.Effects
}

// Empty reports whether s says nothing.
func (s *Summary) Empty() bool {
	return s == nil || len(s.Effects) == 0 && len(s.CallParams) == 0 && len(s.LoopParams) == 0 &&
		len(s.SQLParams) == 0 && len(s.LimitParams) == 0 && len(s.CtxParams) == 0 && len(s.KeyParams) == 0 && len(s.DeadlineParams) == 0 && len(s.BodyParams) == 0 && !s.Handler && !s.MapEntry
}

// Find returns the best effect of one of kinds, sync effects first unless
// async is set.
func (s *Summary) Find(async bool, kinds ...Kind) (Effect, bool) {
	var best Effect
	found := false
	if s == nil {
		return best, false
	}
	for _, e := range s.Effects {
		if (e.Async && !async) || !slices.Contains(kinds, e.Kind) {
			continue
		}
		if !found || e.better(best) || (best.Async && !e.Async) {
			best, found = e, true
		}
	}
	return best, found
}

// unconditional reports whether e happens on every path to it: under no
// guard, on no single backend, not only on a failure.
func (e Effect) unconditional() bool {
	return e.Guard.IsZero() && !e.Variant && !e.Failure
}

// add merges e into s, reporting whether s changed.
func (s *Summary) add(e Effect) bool {
	for i, o := range s.Effects {
		if o.Kind == e.Kind && o.Async == e.Async {
			// Under different guards the effect may happen on either
			// path: it is unconditional.
			g := o.Guard
			if g != e.Guard {
				g = Guard{}
			}
			// One backend's effect and another path's: the effect no
			// longer depends on the backend.
			// Likewise a failure path's and another path's.
			v := o.Variant && e.Variant
			f := o.Failure && e.Failure
			// The chain kept is one that happens whatever the guard,
			// the backend or a failure, when one does: the message names
			// the path that runs (a settings read before the branch, not
			// the owner lookup a caller's constant rules out).
			replace := e.better(o)
			if plain := e.unconditional(); plain != o.unconditional() && (e.Kind != BodyRead || bodyRank(e) == bodyRank(o)) {
				replace = plain // a whole body read still beats a form parse
			}
			if replace {
				e.Guard, e.Variant, e.Failure = g, v, f
				s.Effects[i] = e
				return true
			}
			if g != o.Guard || v != o.Variant || f != o.Failure {
				s.Effects[i].Guard, s.Effects[i].Variant, s.Effects[i].Failure = g, v, f
				return true
			}
			return false
		}
	}
	s.Effects = append(s.Effects, e)
	slices.SortFunc(s.Effects, func(a, b Effect) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		if a.Async != b.Async {
			if a.Async {
				return 1
			}
			return -1
		}
		return 0
	})
	return true
}

// addParam adds i to a sorted index list, reporting whether it changed.
func addParam(list *[]int, i int) bool {
	if slices.Contains(*list, i) {
		return false
	}
	*list = append(*list, i)
	slices.Sort(*list)
	return true
}

// addSQLParam adds u unless a use of the same parameter is known,
// reporting whether s changed.
func (s *Summary) addSQLParam(u ParamUse) bool { return addParamUse(&s.SQLParams, u) }

// addParamUse adds u to a list sorted by parameter unless a use of the
// same parameter is there, reporting whether the list changed.
func addParamUse(list *[]ParamUse, u ParamUse) bool {
	for _, o := range *list {
		if o.Param == u.Param {
			return false
		}
	}
	*list = append(*list, u)
	slices.SortFunc(*list, func(a, b ParamUse) int { return a.Param - b.Param })
	return true
}

// through returns e as seen by a caller of the function named name
// (name "" for function literals, which are part of their caller).
func (e Effect) through(name string, async, inferred bool) Effect {
	out := e
	if name != "" {
		out.Chain = e.Chain.Prepend(name)
	}
	out.Async = e.Async || async
	out.Inferred = e.Inferred || inferred
	return out
}

// Through returns e as seen from a call of the function named name
// ("" for library calls and literals, whose chains already start right).
func (e Effect) Through(name string, inferred bool) Effect {
	return e.through(name, false, inferred)
}
