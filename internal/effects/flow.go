package effects

import "github.com/apilint/apilint/internal/sqltext"

// flowed is what running a target with given arguments does, seen from
// the caller: effects (chains start at the call), and which of the
// caller's parameters become SQL text, a row limit or a context that
// reaches a round trip; limitArgs are the call's arguments that become a
// row limit.
type flowed struct {
	effects []Effect
	paramUses
	limitArgs []int
}

// paramUses are the parameters of a function that become SQL text, a row
// limit, a context that reaches a round trip, or a lookup key.
type paramUses struct {
	sqlParams   []ParamUse
	limitParams []int
	ctxParams   []int
	keyParams   []int
	// deadlineParams are context parameters that alone bound an
	// outbound request (see Summary.DeadlineParams).
	deadlineParams []ParamUse
	// bodyParams are request parameters whose body is read with no cap
	// (see Summary.BodyParams).
	bodyParams []ParamUse
}

// prefixed returns chain as seen by a caller of t: with t's name first,
// unless t needs no extra hop (literals, library calls).
func (t target) prefixed(chain Chain) Chain {
	if t.name == "" {
		return chain
	}
	return chain.Prepend(t.name)
}

// flow applies target t's summary to a call with arguments args at site.
func (s *state) flow(t target, sum *Summary, args []argValue, site string) flowed {
	var f flowed
	if sum == nil {
		return f
	}
	for _, e := range sum.Effects {
		g, possible := e.Guard.through(args)
		if !possible {
			continue // the call's constant argument rules it out
		}
		e.Guard = g
		f.effects = append(f.effects, e.through(t.name, false, t.inferred))
	}
	for _, u := range sum.SQLParams {
		if u.Param >= len(args) {
			continue
		}
		chain := t.prefixed(u.Chain)
		a := args[u.Param]
		switch {
		case a.known:
			shape := sqltext.Classify(a.text)
			kind := kindOfText(a.text, u.Kind)
			f.effects = append(f.effects, Effect{Kind: kind, Chain: chain, Site: site, Inferred: t.inferred})
			if kind == DBReadMany {
				if eff, ok := unboundedSQL(a, chain, site); ok {
					eff.Inferred = t.inferred
					f.effects = append(f.effects, eff)
				}
			}
			// The placeholders follow the SQL text (helpers pass args... on).
			if n := shape.LimitParam; n > 0 && u.Param+n < len(args) {
				f.limitArgs = append(f.limitArgs, u.Param+n)
				if p := args[u.Param+n].param; p >= 0 {
					f.limitParams = append(f.limitParams, p)
				}
			}
		case a.param >= 0:
			f.sqlParams = append(f.sqlParams, ParamUse{Param: a.param, Chain: chain, Kind: u.Kind})
		default:
			f.effects = append(f.effects, Effect{Kind: u.Kind, Chain: chain, Site: site, Inferred: t.inferred})
		}
	}
	for _, p := range sum.LimitParams {
		f.limitArgs = append(f.limitArgs, p)
		if p < len(args) && args[p].param >= 0 {
			f.limitParams = append(f.limitParams, args[p].param)
		}
	}
	for _, p := range sum.CtxParams {
		if p < len(args) && args[p].param >= 0 {
			f.ctxParams = append(f.ctxParams, args[p].param)
		}
	}
	for _, u := range sum.BodyParams {
		if u.Param >= len(args) {
			continue
		}
		chain := t.prefixed(u.Chain)
		switch a := args[u.Param]; {
		case a.outbound:
			// A request the caller built to send: its body is the
			// program's own.
		case a.param >= 0:
			f.bodyParams = append(f.bodyParams, ParamUse{Param: a.param, Chain: chain, Kind: BodyRead, Site: u.Site})
		default:
			f.effects = append(f.effects, Effect{Kind: BodyRead, Chain: chain, Site: u.Site, Inferred: t.inferred})
		}
	}
	for _, u := range sum.DeadlineParams {
		if u.Param < len(args) && args[u.Param].param >= 0 {
			chain := t.prefixed(u.Chain)
			f.deadlineParams = append(f.deadlineParams, ParamUse{Param: args[u.Param].param, Chain: chain, Kind: u.Kind})
		}
	}
	for _, p := range sum.KeyParams {
		if p >= len(args) {
			continue
		}
		switch a := args[p]; {
		case a.known && s.table.IsPagination(a.text):
			f.effects = append(f.effects, Effect{Kind: PageInput, Chain: NewChain(t.name), Site: site, Detail: a.text})
		case a.param >= 0:
			f.keyParams = append(f.keyParams, a.param)
		}
	}
	return f
}

// kindOfText is the kind of a database call whose SQL text is known: a
// constant INSERT, UPDATE or DELETE is a write whatever the API
// (QueryRow(... RETURNING id)), and a schema change (CREATE, ALTER, DROP,
// TRUNCATE) is a round trip of its own kind (DBOther), which no loop over
// columns or indexes turns into an N+1.
func kindOfText(text string, k Kind) Kind {
	shape := sqltext.Classify(text)
	switch {
	case shape.Schema:
		return DBOther
	case shape.Write:
		return DBWrite
	}
	return k
}
