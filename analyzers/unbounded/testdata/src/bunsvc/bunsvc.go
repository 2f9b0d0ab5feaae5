// Package bunsvc serves its API with bunrouter, whose Request embeds
// net/http's: req.Body is the request's body.
package bunsvc

import (
	"encoding/json"
	"net/http"

	sjson "github.com/segmentio/encoding/json"
	"github.com/uptrace/bunrouter"
)

type item struct{ Name string }

type ItemHandler struct{}

func (h *ItemHandler) Create(w http.ResponseWriter, req bunrouter.Request) error {
	var v item
	return json.NewDecoder(req.Body).Decode(&v) // want `request handler ItemHandler.Create reads the whole request body`
}

// Look-alike: the body capped first.
func (h *ItemHandler) Update(w http.ResponseWriter, req bunrouter.Request) error {
	req.Body = http.MaxBytesReader(w, req.Body, 1<<20)
	var v item
	return json.NewDecoder(req.Body).Decode(&v)
}

// segmentio's drop-in decoder reads the body as encoding/json's does.
func (h *ItemHandler) Login(w http.ResponseWriter, req bunrouter.Request) error {
	var in struct{ Email string }
	return sjson.NewDecoder(req.Body).Decode(&in) // want `request handler ItemHandler.Login reads the whole request body \(json.NewDecoder`
}

func Routes(r *bunrouter.Router, h *ItemHandler) {
	r.WithGroup("/api/items", func(g *bunrouter.Group) {
		g.POST("", h.Create)
		g.PUT("/:id", h.Update)
		g.POST("/login", h.Login)
	})
}
