// Package beegov1 holds list endpoints of beego v1 controllers that
// answer through the service's own response helper on the controller
// (casibase: c.ResponseOk(stores)).
package beegov1

import (
	"encoding/json"
	"net/http"

	"github.com/beego/beego"
	"xorm.io/xorm"
)

var engine *xorm.Engine

type Store struct{ Owner, Name string }

func GetStores(owner string) ([]*Store, error) {
	stores := []*Store{}
	err := engine.Find(&stores, &Store{Owner: owner})
	return stores, err
}

func GetRecentStores(owner string) ([]*Store, error) {
	stores := []*Store{}
	err := engine.Limit(20).Find(&stores, &Store{Owner: owner})
	return stores, err
}

type ApiController struct {
	beego.Controller
}

type Response struct {
	Status string
	Data   interface{}
}

// ResponseOk answers with data as JSON.
func (c *ApiController) ResponseOk(data ...interface{}) {
	resp := Response{Status: "ok"}
	if len(data) > 0 {
		resp.Data = data[0]
	}
	c.Data["json"] = resp
	c.ServeJSON()
}

func (c *ApiController) GetStores() {
	stores, _ := GetStores(c.GetString("owner")) // want `list endpoint ApiController.GetStores returns every row`
	c.ResponseOk(stores)
}

// beego's own way: the data, then ServeJSON.
func (c *ApiController) GetStoresData() {
	stores, _ := GetStores(c.GetString("owner")) // want `list endpoint ApiController.GetStoresData returns every row`
	c.Data["json"] = stores
	c.ServeJSON()
}

// Look-alike: the rows only decide what to answer.
func (c *ApiController) HasStores() {
	stores, _ := GetStores(c.GetString("owner"))
	c.Data["json"] = len(stores) > 0
	c.ServeJSON()
}

// Look-alike: a page.
func (c *ApiController) GetRecentStores() {
	stores, _ := GetRecentStores(c.GetString("owner"))
	c.ResponseOk(stores)
}

func routes() {
	beego.Router("/api/get-stores", &ApiController{}, "GET:GetStores")
	beego.Router("/api/get-recent-stores", &ApiController{}, "GET:GetRecentStores")
	beego.Router("/api/get-stores-data", &ApiController{}, "GET:GetStoresData")
	beego.Router("/api/has-stores", &ApiController{}, "GET:HasStores")
}

func plainStores(w http.ResponseWriter, r *http.Request) {
	stores, _ := GetStores(r.URL.Query().Get("owner")) // want `list endpoint plainStores returns every row`
	json.NewEncoder(w).Encode(stores)
}

func plainRoutes(mux *http.ServeMux) { mux.HandleFunc("GET /stores", plainStores) }
