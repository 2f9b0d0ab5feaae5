// Package web is a stub of github.com/beego/beego/v2/server/web (v2.3;
// controller.go, server.go): the controller and the router.
package web

import "github.com/beego/beego/v2/server/web/context"

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
func (c *Controller) ServeJSON(encoding ...bool) error           { return nil }
func (c *Controller) GetString(key string, def ...string) string { return "" }

type HttpServer struct{}

func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *HttpServer {
	return nil
}
