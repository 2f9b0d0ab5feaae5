// Package glued serves its API with fastglue over fasthttp: handlers take
// a *fastglue.Request, and a permission wrapper returns them.
package glued

import (
	"net/smtp"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/zerodha/fastglue"
)

func perm(h fastglue.FastRequestHandler, name string) fastglue.FastRequestHandler {
	return func(r *fastglue.Request) error { return h(r) }
}

func handleResetPassword(r *fastglue.Request) error {
	smtp.SendMail("mail:25", nil, "a@b", []string{"c@d"}, nil) // want `request handler handleResetPassword sends mail`
	return r.SendEnvelope(true)
}

func handleStats(r *fastglue.Request) error {
	return r.SendEnvelope(nil)
}

// A plain fasthttp handler registered on fasthttp/router's shape.
func health(ctx *fasthttp.RequestCtx) {
	time.Sleep(2 * time.Second) // want `request handler health sleeps`
}

// A helper that takes the request with other arguments, called only:
// not a handler by itself; the handler that calls it is.
func notify(r *fastglue.Request, to string) {
	smtp.SendMail("mail:25", nil, "a@b", []string{to}, nil)
}

func handleInvite(r *fastglue.Request) error {
	notify(r, "x@y") // want `request handler handleInvite sends mail synchronously: .*reached through glued.notify`
	return nil
}

func Routes(g *fastglue.Fastglue) {
	g.POST("/api/v1/password/reset", handleResetPassword)
	g.GET("/api/v1/stats", perm(handleStats, "stats:read"))
	g.POST("/api/v1/invites", perm(handleInvite, "users:write"))
}
