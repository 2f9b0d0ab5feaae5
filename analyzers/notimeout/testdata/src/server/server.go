package server

import (
	"log"
	"net"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"gopkg.in/macaron.v1"
)

func serveDefault(mux *http.ServeMux) {
	log.Fatal(http.ListenAndServe(":8080", mux)) // want `http.ListenAndServe serves with an http.Server that has no timeouts`
}

func serveTLS(mux *http.ServeMux) error {
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", mux) // want `http.ListenAndServeTLS serves with an http.Server that has no timeouts`
}

func serveListener(l net.Listener, h http.Handler) error {
	return http.Serve(l, h) // want `http.Serve serves with an http.Server that has no timeouts`
}

func literal(mux *http.ServeMux) error {
	srv := &http.Server{Addr: ":8080", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	return srv.ListenAndServe()
}

func multiline(mux *http.ServeMux) error {
	srv := &http.Server{ // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
		Addr:    ":8080",
		Handler: mux,
	}
	return srv.ListenAndServe()
}

func value() http.Server {
	return http.Server{} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}

// Look-alikes: the timeout is in the literal, or set right after it.

func withHeaderTimeout(mux *http.ServeMux) error {
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: readHeader}
	return srv.ListenAndServe()
}

func withReadTimeout(mux *http.ServeMux) error {
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadTimeout: readHeader}
	return srv.ListenAndServe()
}

func setAfter(mux *http.ServeMux) error {
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ReadHeaderTimeout = readHeader
	return srv.ListenAndServe()
}

type app struct{ srv *http.Server }

func (a *app) setAfterField(mux *http.ServeMux) error {
	a.srv = &http.Server{Handler: mux}
	a.srv.ReadTimeout = readHeader
	return a.srv.ListenAndServe()
}

func newServer() *http.Server {
	s := new(http.Server) // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	return s
}

// Frameworks.

func runGin() {
	r := gin.Default()
	r.Run(":8080") // want `gin's Run calls http.ListenAndServe, whose server has no timeouts`
}

func runGinListener(l net.Listener) {
	r := gin.Default()
	r.RunListener(l) // want `gin's RunListener calls http.Serve, whose server has no timeouts`
}

func runGinServer() error {
	r := gin.Default()
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: readHeader}
	return srv.ListenAndServe()
}

func runEcho() {
	e := echo.New()
	e.Start(":8080") // want `echo's Start serves with e.Server, which has no read timeout unless one is set`
}

func runEchoConfigured() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = readHeader
	e.Start(":8080")
}

// StartTLS serves e.TLSServer: timeouts set on e.Server do not reach it.
func runEchoTLS() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = readHeader
	e.StartTLS(":8443", "cert.pem", "key.pem") // want `echo's StartTLS serves with e.TLSServer, which has no read timeout unless one is set`
}

func runEchoTLSConfigured() {
	e := echo.New()
	e.TLSServer.ReadHeaderTimeout = readHeader
	e.StartTLS(":8443", "cert.pem", "key.pem")
}

func runFiber() {
	app := fiber.New()
	app.Listen(":3000") // want `fiber's Listen serves with no read timeout unless fiber.Config sets ReadTimeout`
}

func runFiberConfigured() {
	app := fiber.New(fiber.Config{ReadTimeout: readHeader})
	app.Listen(":3000")
}

func runFiberUnseen(app *fiber.App) {
	app.Listen(":3000")
}

// Look-alikes: listeners on the loopback interface (pprof, metrics for a
// local agent) take no connections from outside.
func debugServer() {
	go http.ListenAndServe("127.0.0.1:6060", nil)
	go http.ListenAndServe("localhost:6061", nil)
	srv := &http.Server{Addr: "[::1]:6062"}
	go srv.ListenAndServe()
}

func runMacaron() {
	m := macaron.Classic()
	m.Run(4000) // want `macaron's Run calls http.ListenAndServe, whose server has no timeouts`
}

// Look-alike: a server on the loopback host only.
func runMacaronLocal() {
	m := macaron.Classic()
	m.Run("127.0.0.1", 4000)
}
