// Package beego is a stub of github.com/beego/beego (v1.12;
// controller.go, router.go): the controller and the router.
package beego

import "github.com/beego/beego/context"

type ControllerInterface interface {
	Prepare()
	Get()
	Post()
	Finish()
}

type Controller struct {
	Ctx  *context.Context
	Data map[interface{}]interface{}
}

func (c *Controller) Prepare()                                   {}
func (c *Controller) Get()                                       {}
func (c *Controller) Post()                                      {}
func (c *Controller) Finish()                                    {}
func (c *Controller) ServeJSON(encoding ...bool)                 {}
func (c *Controller) GetString(key string, def ...string) string { return "" }

type App struct{}

func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *App {
	return nil
}
