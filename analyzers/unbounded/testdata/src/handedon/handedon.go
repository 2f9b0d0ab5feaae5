// Package handedon: a service's adapter that hands its handler function to
// a library which runs it per request (dendrite's MakeExternalAPI over
// matrix-org/util's JSONRequestHandler), instead of calling it itself.
package handedon

import (
	"encoding/json"
	"io"
	"net/http"
)

type Response struct {
	Code int
	JSON any
}

// JSONRequestHandler, NewJSONRequestHandler and MakeJSONAPI stand for the
// library's side.
type JSONRequestHandler interface {
	OnIncomingRequest(req *http.Request) Response
}

type jsonRequestHandler struct {
	f func(*http.Request) Response
}

func (h jsonRequestHandler) OnIncomingRequest(req *http.Request) Response { return h.f(req) }

func NewJSONRequestHandler(f func(*http.Request) Response) JSONRequestHandler {
	return jsonRequestHandler{f: f}
}

func MakeJSONAPI(h JSONRequestHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		res := h.OnIncomingRequest(req)
		w.WriteHeader(res.Code)
		json.NewEncoder(w).Encode(res.JSON)
	}
}

// MakeExternalAPI is the service's adapter: it hands f on.
func MakeExternalAPI(name string, f func(*http.Request) Response) http.Handler {
	return MakeJSONAPI(NewJSONRequestHandler(f))
}

var registry = map[string]func(*http.Request) Response{}

// Register keeps f for later and serves a fixed page: f is no handler of
// the returned one.
func Register(name string, f func(*http.Request) Response) http.Handler {
	registry[name] = f
	return http.NotFoundHandler()
}

func Routes(mux *http.ServeMux) {
	mux.Handle("POST /register", MakeExternalAPI("register", func(req *http.Request) Response {
		body, _ := io.ReadAll(req.Body) // want `reads the whole request body`
		return Response{Code: 200, JSON: len(body)}
	}))
	mux.Handle("POST /hook", Register("hook", func(req *http.Request) Response {
		body, _ := io.ReadAll(req.Body)
		return Response{Code: 200, JSON: len(body)}
	}))
}
