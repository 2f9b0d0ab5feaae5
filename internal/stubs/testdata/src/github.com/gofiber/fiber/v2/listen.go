package fiber

// Declarations of fiber v2.52 (listen.go, ctx.go) that the apis tables
// name.

func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }

func (c *Ctx) QueryParser(out interface{}) error { return nil }
