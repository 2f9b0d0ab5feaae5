package effects

// export publishes the summaries of exported functions and methods
// (interface methods included) as facts: other packages can call only
// those, and every dependent decodes every fact.
func (s *state) export() {
	for fn, nd := range s.funcs {
		if !nd.sum.Empty() && fn.Pkg() == s.pass.Pkg && fn.Exported() {
			// The node's summary is final: the fact shares it.
			s.pass.ExportObjectFact(fn, &nd.sum)
		}
	}
}
