// Package guarded has helpers whose slow work runs only when a parameter
// equals a constant (here: an empty owner means "every workspace").
// Callers that pass a constant that cannot match never run it.
package guarded

import (
	"net/http"
	"net/smtp"
	"time"
)

// refresh sleeps between workspaces, but only when asked for all of them.
func refresh(owner string) {
	if owner == "" {
		for range 3 {
			time.Sleep(2 * time.Second)
		}
		return
	}
	touch(owner)
}

// refreshEarly is the same with the early-return form.
func refreshEarly(owner string) {
	if owner != "" {
		touch(owner)
		return
	}
	time.Sleep(2 * time.Second)
}

// rebuild waits only for the "full" mode.
func rebuild(mode string) {
	if mode == "full" {
		time.Sleep(5 * time.Second)
	}
}

// connect waits between attempts only when asked to retry.
func connect(retry bool) {
	if retry {
		time.Sleep(3 * time.Second)
	}
}

// warm waits unless quick.
func warm(quick bool) {
	if !quick {
		time.Sleep(time.Second)
	}
}

// forOwner passes its own parameter on: the guard moves to it.
func forOwner(owner string) { refresh(owner) }

func touch(owner string) {}

// Look-alikes: every call passes a constant the guard rules out.

func one(w http.ResponseWriter, r *http.Request) {
	refresh("acme")
	refreshEarly("acme")
	rebuild("quick")
	forOwner("acme")
	connect(false)
	warm(true)
}

// Positives: an argument that can match, or that nothing is known of.

func all(w http.ResponseWriter, r *http.Request) {
	refresh("") // want `request handler all sleeps`
}

func byQuery(w http.ResponseWriter, r *http.Request) {
	refreshEarly(r.URL.Query().Get("owner")) // want `request handler byQuery sleeps`
}

func full(w http.ResponseWriter, r *http.Request) {
	rebuild("full") // want `request handler full sleeps`
}

func retried(w http.ResponseWriter, r *http.Request) {
	connect(true) // want `request handler retried sleeps`
}

func slowWarm(w http.ResponseWriter, r *http.Request) {
	warm(false) // want `request handler slowWarm sleeps`
}

func passedOn(w http.ResponseWriter, r *http.Request) {
	forOwner(r.FormValue("owner")) // want `request handler passedOn sleeps`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/one", one)
	mux.HandleFunc("/all", all)
	mux.HandleFunc("/by", byQuery)
	mux.HandleFunc("/full", full)
	mux.HandleFunc("/passed", passedOn)
	mux.HandleFunc("/retried", retried)
	mux.HandleFunc("/warm", slowWarm)
}

// sendMail sends in a goroutine when async is set, and in the caller's
// goroutine otherwise; sendMailEarly is the early-return form.
func sendMail(to string, async bool) error {
	if async {
		go smtp.SendMail("mail:25", nil, "noreply@example.com", []string{to}, nil)
		return nil
	} else {
		return smtp.SendMail("mail:25", nil, "noreply@example.com", []string{to}, nil)
	}
}

func sendMailEarly(to string, async bool) error {
	if async {
		go smtp.SendMail("mail:25", nil, "noreply@example.com", []string{to}, nil)
		return nil
	}
	return smtp.SendMail("mail:25", nil, "noreply@example.com", []string{to}, nil)
}

// Look-alikes: asked to send in the background.
func welcome(w http.ResponseWriter, r *http.Request) {
	sendMail(r.FormValue("email"), true)
	sendMailEarly(r.FormValue("email"), true)
}

// Asked to wait for the mail server, or left to a value it cannot know:
// reported.
func confirm(w http.ResponseWriter, r *http.Request) {
	sendMail(r.FormValue("email"), false) // want `request handler confirm sends mail synchronously`
}

func confirmEarly(w http.ResponseWriter, r *http.Request) {
	sendMailEarly(r.FormValue("email"), r.FormValue("wait") != "") // want `request handler confirmEarly sends mail synchronously`
}

// Options switches work off with a field, as a keyed literal sets it.
type Options struct {
	SkipProbe bool
	Mode      string
	Name      string
}

// Prober runs a probe unless told to skip it.
type Prober interface {
	Decide(opts Options) string
}

type probeService struct{}

// Decide probes unless opts.SkipProbe.
func (probeService) Decide(opts Options) string {
	if !opts.SkipProbe {
		time.Sleep(time.Second)
	}
	return ""
}

// Rebuild sleeps in the "slow" mode.
func (probeService) Rebuild(opts *Options) {
	if opts.Mode == "slow" {
		time.Sleep(time.Second)
	}
}

// decideFor passes its options on: the guard moves to its parameter.
func decideFor(p probeService, opts Options) { p.Decide(opts) }

// Look-alikes: the literal rules the work out, its own fields or the zero
// values of those it leaves out.
func stream(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Decide(Options{SkipProbe: true, Name: r.URL.Path})
	p.Rebuild(&Options{Name: r.URL.Path})
	var pr Prober = p
	pr.Decide(Options{SkipProbe: true})
	decideFor(p, Options{SkipProbe: true})
}

func slowMode(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Rebuild(&Options{Mode: "slow"}) // want `request handler slowMode sleeps`
}

// Positives: a literal whose field matches, a field that is not constant,
// a value nothing is known of.
func decide(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Decide(Options{Name: "x"}) // want `request handler decide sleeps`
}

func decideBy(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Decide(Options{SkipProbe: r.URL.Query().Has("skip")}) // want `request handler decideBy sleeps`
}

func decideWith(w http.ResponseWriter, r *http.Request, opts Options) {
	var p probeService
	p.Decide(opts) // want `request handler decideWith sleeps`
}

type media struct{ ProbeData string }

// ensureProbed probes only a file not probed yet: a guard of its own.
func (probeService) ensureProbed(m *media) {
	if m.ProbeData != "" {
		return
	}
	time.Sleep(time.Second)
}

// Resolve probes only unless told to skip it: the call carries both tests.
func (p probeService) Resolve(m *media, opts Options) {
	if !opts.SkipProbe {
		p.ensureProbed(m)
	}
}

func loadMedia(r *http.Request) *media { return &media{} }

// Look-alike: the outer test rules the work out, whatever the file.
func resolveSkipping(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Resolve(loadMedia(r), Options{SkipProbe: true})
}

// Positive: neither test is ruled out.
func resolveProbing(w http.ResponseWriter, r *http.Request) {
	var p probeService
	p.Resolve(loadMedia(r), Options{}) // want `request handler resolveProbing sleeps`
}

// Look-alike: the options are a local variable, set once by a keyed
// literal and used only in the call (dendrite's GetRoomIDForAliasRequest
// with IncludeAppservices: false).
func decideFromVar(w http.ResponseWriter, r *http.Request) {
	var p probeService
	opts := Options{SkipProbe: true, Name: r.URL.Path}
	p.Decide(opts)
}

// Positives: the variable is changed after its literal, or used again.
func decideFromChangedVar(w http.ResponseWriter, r *http.Request) {
	var p probeService
	opts := Options{SkipProbe: true}
	opts.SkipProbe = r.URL.Query().Has("skip")
	p.Decide(opts) // want `request handler decideFromChangedVar sleeps`
}

func decideFromBoundVar(w http.ResponseWriter, r *http.Request) {
	var p probeService
	opts := &Options{SkipProbe: true}
	bindOptions(r, opts)
	p.Rebuild(opts) // want `request handler decideFromBoundVar sleeps`
}

func bindOptions(r *http.Request, opts *Options) { opts.Mode = r.FormValue("mode") }
