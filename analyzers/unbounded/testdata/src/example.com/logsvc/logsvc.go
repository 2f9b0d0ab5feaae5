// Package logsvc re-wraps its routes in a middleware that caps nothing:
// its bodies are read whole.
package logsvc

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/agentsvc/mw"
)

type entry struct{ Line string }

func postLog(w http.ResponseWriter, r *http.Request) {
	var e entry
	json.NewDecoder(r.Body).Decode(&e) // want `request handler postLog reads the whole request body`
}

func Routes() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/logs", postLog).Methods("POST")
	_ = r.Walk(func(route *mux.Route, router *mux.Router, ancestors []*mux.Route) error {
		route.HandlerFunc(mw.Logged(route.GetHandler()))
		return nil
	})
	return r
}
