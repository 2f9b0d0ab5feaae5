// Package mocked: a handler calls an interface whose only implementation
// in the package is a test double that sleeps. The double is not the
// program: nothing is reported (go vet analyzes the test variant, the
// apilint command loads no tests; both stay silent).
package mocked

import "net/http"

type Payments interface {
	Charge(id string) error
}

type Server struct{ pay Payments }

func (s *Server) charge(w http.ResponseWriter, r *http.Request) {
	s.pay.Charge(r.FormValue("id"))
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/charge", s.charge)
}
