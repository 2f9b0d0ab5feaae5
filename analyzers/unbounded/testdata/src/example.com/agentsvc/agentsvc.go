// Package agentsvc caps every route's body by re-wrapping each route of
// its router, in a Walk, in another package's capping middleware.
package agentsvc

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/agentsvc/mw"
)

type command struct{ Cmd string }

func postCommand(w http.ResponseWriter, r *http.Request) {
	var c command
	json.NewDecoder(r.Body).Decode(&c)
}

func Routes() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/commands", postCommand).Methods("POST")
	_ = r.Walk(func(route *mux.Route, router *mux.Router, ancestors []*mux.Route) error {
		route.HandlerFunc(mw.MaxBytes(route.GetHandler(), 1<<20))
		return nil
	})
	return r
}
