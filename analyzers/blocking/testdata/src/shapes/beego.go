package shapes

import (
	"time"

	"github.com/beego/beego/v2/server/web"
)

// A beego controller: its exported methods without parameters are
// handlers (routed by name), but for its hooks.
type UserController struct {
	web.Controller
}

func (c *UserController) GetUsers() {
	time.Sleep(time.Second) // want `request handler UserController.GetUsers sleeps`
}

func (c *UserController) Prepare() {
	time.Sleep(time.Millisecond)
}

// Look-alike: takes an argument, so the router cannot call it.
func (c *UserController) load(id string) {
	time.Sleep(time.Second)
}

func beegoRoutes() {
	web.Router("/api/get-users", &UserController{}, "GET:GetUsers")
}
