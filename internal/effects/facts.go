package effects

// export publishes the summaries of exported functions and methods
// (interface methods included) as facts: other packages can call only
// those, and every dependent decodes every fact.
func (s *state) export() {
	if s.handlers != nil {
		for _, h := range s.handlers.byNode {
			if nd := s.nodes[h.Node]; nd != nil && nd.fn != nil {
				nd.sum.Handler = true
			}
		}
		s.handlers.exportAdapters()
	}
	for fn, nd := range s.funcs {
		if !nd.sum.Empty() && fn.Pkg() == s.pass.Pkg && fn.Exported() {
			// The node's summary is final: the fact shares it.
			s.pass.ExportObjectFact(fn, &nd.sum)
		}
	}
}

// Summarised is the package fact of every package the analyzer
// summarised. Under go vet, a package none of whose imports was
// summarised, and that imports no effectful package, has no effects to
// summarise either: the vet tool passes on its types and nothing else
// (cmd/apilint's vetx.go), as the apilint command loads it from export
// data.
type Summarised struct{}

// AFact marks Summarised as an analysis fact.
func (*Summarised) AFact() {}

func (*Summarised) String() string { return "summarised" }
