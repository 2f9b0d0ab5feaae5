package routerapp

import (
	"net/http"
	"time"

	"github.com/julienschmidt/httprouter"
)

// httprouter handlers are handlers too.
func show(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	time.Sleep(time.Second) // want `request handler show sleeps`
}

func Routes() *httprouter.Router {
	r := httprouter.New()
	r.GET("/x", show)
	return r
}
