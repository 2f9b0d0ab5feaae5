// Package bunsvc serves its API with bunrouter: handlers are methods
// taking a ResponseWriter and a bunrouter.Request, registered on groups.
package bunsvc

import (
	"net/http"
	"net/smtp"
	"time"

	"github.com/uptrace/bunrouter"
)

type UserHandler struct{}

func (h *UserHandler) Reset(w http.ResponseWriter, req bunrouter.Request) error {
	smtp.SendMail("mail:25", nil, "a@b", []string{req.FormValue("to")}, nil) // want `request handler UserHandler.Reset sends mail`
	return nil
}

func (h *UserHandler) Show(w http.ResponseWriter, req bunrouter.Request) error {
	w.Write([]byte(req.Param("id")))
	return nil
}

// Paces a retry loop in a job, not in a request.
func (h *UserHandler) sync() {
	time.Sleep(2 * time.Second)
}

func Routes(r *bunrouter.Router, h *UserHandler) {
	r.WithGroup("/api/users", func(g *bunrouter.Group) {
		g.POST("/reset", h.Reset)
		g.GET("/:id", h.Show)
	})
	go h.sync()
}
