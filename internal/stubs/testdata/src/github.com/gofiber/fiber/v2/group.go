package fiber

// Declarations of fiber v2.52 (app.go, group.go) that the apis tables
// name. Router, an interface of the published API, is declared empty in
// fiber.go, which analyzer tests depend on.

type Group struct{}

func (app *App) Head(path string, handlers ...Handler) Router                       { return nil }
func (app *App) Put(path string, handlers ...Handler) Router                        { return nil }
func (app *App) Delete(path string, handlers ...Handler) Router                     { return nil }
func (app *App) Connect(path string, handlers ...Handler) Router                    { return nil }
func (app *App) Options(path string, handlers ...Handler) Router                    { return nil }
func (app *App) Trace(path string, handlers ...Handler) Router                      { return nil }
func (app *App) Patch(path string, handlers ...Handler) Router                      { return nil }
func (app *App) Add(method, path string, handlers ...Handler) Router                { return nil }
func (app *App) All(path string, handlers ...Handler) Router                        { return nil }
func (app *App) Group(prefix string, handlers ...Handler) Router                    { return &Group{} }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { return nil }

func (grp *Group) Get(path string, handlers ...Handler) Router         { return nil }
func (grp *Group) Head(path string, handlers ...Handler) Router        { return nil }
func (grp *Group) Post(path string, handlers ...Handler) Router        { return nil }
func (grp *Group) Put(path string, handlers ...Handler) Router         { return nil }
func (grp *Group) Delete(path string, handlers ...Handler) Router      { return nil }
func (grp *Group) Connect(path string, handlers ...Handler) Router     { return nil }
func (grp *Group) Options(path string, handlers ...Handler) Router     { return nil }
func (grp *Group) Trace(path string, handlers ...Handler) Router       { return nil }
func (grp *Group) Patch(path string, handlers ...Handler) Router       { return nil }
func (grp *Group) Add(method, path string, handlers ...Handler) Router { return nil }
func (grp *Group) All(path string, handlers ...Handler) Router         { return nil }
func (grp *Group) Group(prefix string, handlers ...Handler) Router     { return grp }

// Route describes a registered route (router.go); it registers nothing.
type Route struct {
	Method string
	Path   string
}
