package handlers

import (
	"math/rand"
	"net/http"
	"strconv"
	"time"
)

// Look-alikes: deliberate delays. A random sleep makes an unknown user's
// answer as slow as a known one's; a delay the operator configured (off
// unless positive) is a tarpit; a constant sleep under 100ms is no slow
// work.
func unknownUser(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Duration(10+rand.Intn(20)) * time.Millisecond)
	jitter := time.Duration(rand.Int63n(int64(50 * time.Millisecond)))
	time.Sleep(jitter)
}

type defender struct{ loginDelayMs int }

func (d *defender) delayLogin() {
	if d.loginDelayMs > 0 {
		time.Sleep(time.Duration(d.loginDelayMs) * time.Millisecond)
	}
}

var def = &defender{}

func delayedLogin(w http.ResponseWriter, r *http.Request) {
	def.delayLogin()
	time.Sleep(20 * time.Millisecond)
}

// A configured delay slept whatever its value: reported.
func (d *defender) throttle() {
	time.Sleep(time.Duration(d.loginDelayMs) * time.Millisecond)
}

func throttled(w http.ResponseWriter, r *http.Request) {
	def.throttle() // want `request handler throttled sleeps`
}

// A delay the client asks for, under a test of a string against "": the
// opt-in rule (a positive number) does not apply, and the sleep is
// reported.
func slowAnswer(w http.ResponseWriter, r *http.Request) {
	if timeout := r.URL.Query().Get("timeout"); timeout != "" {
		secs, err := strconv.Atoi(timeout)
		if err != nil {
			return
		}
		time.Sleep(time.Duration(secs) * time.Second) // want `request handler slowAnswer sleeps`
	}
}
