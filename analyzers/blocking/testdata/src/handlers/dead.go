package handlers

import (
	"net/http"
	"time"
)

// Look-alike: an unexported handler that this package, which registers
// its routes, never names: its route was commented out. No router can
// reach it, here or elsewhere.
func legacyExport(w http.ResponseWriter, r *http.Request) {
	time.Sleep(3 * time.Second)
}

// An exported handler may be registered by another package.
func LegacyImport(w http.ResponseWriter, r *http.Request) {
	time.Sleep(3 * time.Second) // want `request handler LegacyImport sleeps`
}
