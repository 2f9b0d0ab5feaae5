package effects

import "go/types"

// minBackends is the number of implementations from which an interface
// is taken for a choice of backends: an effect that fewer than half of
// them have is one backend's (Effect.Variant). With two, one real and
// one that does nothing (a no-op mailer, an in-memory store), the real
// one is what runs in production, and its effects stay certain.
const minBackends = 3

// backendKey identifies an effect for counting the implementations that
// have it.
type backendKey struct {
	kind  Kind
	async bool
}

// backendShare counts, for an interface method's node, how many of its
// implementations have each effect. The zero value counts nothing.
type backendShare struct {
	total int
	has   map[backendKey]int
}

// minority reports whether fewer than half of the implementations have e.
func (b backendShare) minority(e Effect) bool {
	return b.total >= minBackends && 2*b.has[backendKey{e.Kind, e.Async}] < b.total
}

// variantShare counts the effects of nd's implementations when nd is an
// interface method's node with at least minBackends of them: a call of
// the method runs the one the program was configured with (a storage
// driver among fifty, a file system among seven), so an effect only a
// minority of them have happens only where that backend is chosen. Effects
// already variant in an implementation do not count for it.
func (s *state) variantShare(nd *node) backendShare {
	if !nd.alternatives || len(nd.edges) < minBackends {
		return backendShare{}
	}
	b := backendShare{total: len(nd.edges), has: make(map[backendKey]int)}
	for _, e := range nd.edges {
		seen := make(map[backendKey]bool)
		for _, eff := range s.summaryOf(e.to).effects() {
			k := backendKey{eff.Kind, eff.Async}
			if !eff.Variant && !seen[k] {
				seen[k] = true
				b.has[k]++
			}
		}
	}
	return b
}

// backendsNode returns the node standing for a call of interface method
// fn, of another package, that impls implement (at least minBackends):
// its edges are the implementations, as for an interface of this package
// (interfaceNodes), so that an effect only some backends have is marked
// variant.
func (s *state) backendsNode(fn *types.Func, impls []*types.Func) *node {
	if nd := s.backends[fn]; nd != nil {
		return nd
	}
	nd, through := s.methodNode(fn)
	for _, impl := range impls {
		nd.edges = append(nd.edges, edge{to: s.funcTarget(impl), param: -1, args: through})
	}
	if s.backends == nil {
		s.backends = make(map[*types.Func]*node)
	}
	s.backends[fn] = nd
	s.order = append(s.order, nd)
	return nd
}

// methodNode returns a node for interface method fn, whose edges are to be
// its implementations, and the arguments of those edges: each of the
// method's parameters passes through to the implementation unchanged, so
// that what an implementation does with one (SQL text, a row limit, a
// context) is the caller's to decide, as when a call resolves to it
// directly.
func (s *state) methodNode(fn *types.Func) (*node, []argValue) {
	nd := &node{fn: fn, alternatives: true}
	sig := fn.Type().(*types.Signature)
	through := make([]argValue, sig.Params().Len())
	for i := range through {
		nd.params = append(nd.params, sig.Params().At(i))
		through[i] = argValue{param: i}
	}
	nd.serves = s.serves(nd)
	return nd, through
}
