// Package swaggersvc is a go-swagger server: the generated server binds
// each operation's parameters (BindRequest) before it calls the handler,
// and a body parameter is decoded there with the route's consumer.
package swaggersvc

import (
	"net/http"

	"github.com/go-openapi/runtime/middleware"
)

type Item struct{ Name string }

// CreateItemParams is generated: its binder decodes the body.
type CreateItemParams struct {
	HTTPRequest *http.Request
	Body        *Item
}

func (o *CreateItemParams) BindRequest(r *http.Request, route *middleware.MatchedRoute) error {
	o.HTTPRequest = r
	var body Item
	if err := route.Consumer.Consume(r.Body, &body); err != nil {
		return err
	}
	o.Body = &body
	return nil
}

// FindItemsParams is generated too: its binder reads the query only.
type FindItemsParams struct {
	HTTPRequest *http.Request
	Name        string
}

func (o *FindItemsParams) BindRequest(r *http.Request, route *middleware.MatchedRoute) error {
	o.HTTPRequest = r
	o.Name = r.URL.Query().Get("name")
	return nil
}

func CreateItem(params CreateItemParams) middleware.Responder { // want `request handler CreateItem reads the whole request body \(\(runtime.Consumer\).Consume at swaggersvc.go:\d+, through CreateItemParams.BindRequest\)`
	return nil
}

func FindItems(params FindItemsParams) middleware.Responder {
	return nil
}
