// Package swaggersvc is a go-swagger server: the generated server binds
// each operation's parameters (BindRequest) before it calls the handler,
// and a body parameter is decoded there with the route's consumer.
package swaggersvc

import (
	"database/sql"
	"net/http"

	"github.com/go-openapi/runtime"
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

var db *sql.DB

// FindItemsOK is a generated response: the handler sets its payload.
type FindItemsOK struct{ Payload []*Item }

func NewFindItemsOK() *FindItemsOK { return &FindItemsOK{} }

func (o *FindItemsOK) SetPayload(payload []*Item) { o.Payload = payload }

func (o *FindItemsOK) WriteResponse(rw http.ResponseWriter, producer runtime.Producer) {}

// Every item, through the response's setter.
func ListItems(params FindItemsParams) middleware.Responder {
	rows, _ := db.Query("SELECT name FROM items") // want `list endpoint ListItems returns every row`
	var items []*Item
	for rows.Next() {
		var it Item
		rows.Scan(&it.Name)
		items = append(items, &it)
	}
	resp := NewFindItemsOK()
	resp.SetPayload(items)
	return resp
}

// Look-alike: the rows only decide the status; the payload is a count.
func CountItems(params FindItemsParams) middleware.Responder {
	rows, _ := db.Query("SELECT name FROM items")
	n := 0
	for rows.Next() {
		n++
	}
	resp := NewFindItemsOK()
	resp.SetPayload(make([]*Item, 0, n))
	return resp
}
