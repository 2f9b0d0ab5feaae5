// Package ownctx: a service's own context type carries the request and
// the response writer as fields, and its router hands it to handlers
// kept in a route table. A function taking it is a handler.
package ownctx

import (
	"net/http"
	"net/smtp"
)

type Ctx struct {
	UserID         int64
	Request        *http.Request
	ResponseWriter http.ResponseWriter
}

type Response struct{ Code int }

type Route struct {
	Path    string
	Method  string
	Handler func(*Ctx) Response
}

type Server struct{}

func (Server) Invite(c *Ctx) Response {
	smtp.SendMail("mail:25", nil, "noreply@example.com", []string{c.Request.FormValue("to")}, nil) // want `request handler Server.Invite sends mail synchronously`
	return Response{Code: http.StatusCreated}
}

func (Server) Routes() []Route {
	s := Server{}
	return []Route{{Path: "/invite", Method: http.MethodPost, Handler: s.Invite}}
}

// A struct that only carries the request is not a context of its own: a
// function taking it is a helper.
type job struct{ Request *http.Request }

func notify(j *job) {
	smtp.SendMail("mail:25", nil, "noreply@example.com", []string{"ops@example.com"}, nil)
}

func Enqueue(r *http.Request) { go notify(&job{Request: r}) }
