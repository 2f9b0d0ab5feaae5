package server

import (
	"net"
	"net/http"
	"time"
)

// Look-alike: a package-level server declared empty and given its value,
// with timeouts, where it is started.
var setupSrv http.Server

func runSetup(l net.Listener, h http.Handler) error {
	setupSrv = http.Server{Handler: h, ReadTimeout: 2 * time.Minute}
	return setupSrv.Serve(l)
}

// Positive: declared empty and only its fields set, none of them a timeout.
var plainSrv http.Server // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`

func runPlain(l net.Listener, h http.Handler) error {
	plainSrv.Handler = h
	return plainSrv.Serve(l)
}
