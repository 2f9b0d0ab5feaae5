// Package beegoorm holds list endpoints over beego's ORM, whose QuerySeter
// reads every row unless Limit is called (DefaultRowsLimit is -1).
package beegoorm

import (
	"encoding/json"
	"net/http"

	"github.com/beego/beego/v2/client/orm"
)

type Doc struct{ ID int64 }

type API struct{ o orm.Ormer }

func (a *API) docsAll(w http.ResponseWriter, r *http.Request) {
	var docs []Doc
	a.o.QueryTable("docs").Filter("public", true).All(&docs) // want `list endpoint API.docsAll returns every row: \(orm.QuerySeter\).All runs a many-row read \(no Limit in the query chain\)`
	json.NewEncoder(w).Encode(docs)
}

func (a *API) docsLimited(w http.ResponseWriter, r *http.Request) {
	var docs []Doc
	a.o.QueryTable("docs").Filter("public", true).Limit(50).All(&docs)
	json.NewEncoder(w).Encode(docs)
}

func (a *API) docOne(w http.ResponseWriter, r *http.Request) {
	var d Doc
	a.o.QueryTable("docs").Filter("id", r.URL.Query().Get("id")).One(&d)
	json.NewEncoder(w).Encode(d)
}

// Look-alike: the docs of the ids the request lists.
func (a *API) docsByIDs(w http.ResponseWriter, r *http.Request) {
	var docs []Doc
	a.o.QueryTable("docs").Filter("id__in", r.URL.Query()["id"]).All(&docs)
	json.NewEncoder(w).Encode(docs)
}

// The same filter by one value: every public doc.
func (a *API) docsByFlag(w http.ResponseWriter, r *http.Request) {
	var docs []Doc
	a.o.QueryTable("docs").Filter("public", r.URL.Query().Get("public") == "1").All(&docs) // want `list endpoint API.docsByFlag returns every row`
	json.NewEncoder(w).Encode(docs)
}
