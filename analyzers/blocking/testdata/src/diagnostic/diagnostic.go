// Package diagnostic: endpoints whose purpose is to do the slow work and
// report how it went (send a test mail, try a notification rule) are not
// blocking; the same work in an ordinary endpoint is.
package diagnostic

import (
	"net/http"
	"net/smtp"
)

func send(to string) error {
	return smtp.SendMail("mail:25", nil, "noreply@example.com", []string{to}, []byte("hello"))
}

// The route says it: /smtp-config-test reports whether the settings work.
func attemptSendEmail(w http.ResponseWriter, r *http.Request) {
	if err := send(r.FormValue("to")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// The name says it: notifyTest, alertRuleTryRun, testSMTPConfig.
func notifyTest(w http.ResponseWriter, r *http.Request)      { send(r.FormValue("to")) }
func alertRuleTryRun(w http.ResponseWriter, r *http.Request) { send(r.FormValue("to")) }
func testSMTPConfig(w http.ResponseWriter, r *http.Request)  { send(r.FormValue("to")) }

// Look-alikes: the words only look like "test" or "try run".
func latestPosts(w http.ResponseWriter, r *http.Request) {
	send(r.FormValue("to")) // want `request handler latestPosts sends mail synchronously`
}

func contestEntry(w http.ResponseWriter, r *http.Request) {
	send(r.FormValue("to")) // want `request handler contestEntry sends mail synchronously`
}

// An ordinary endpoint that mails: reported.
func forgotPassword(w http.ResponseWriter, r *http.Request) {
	send(r.FormValue("email")) // want `request handler forgotPassword sends mail synchronously`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("PUT /smtp-config-test", attemptSendEmail)
	mux.HandleFunc("POST /notify-rule/test", notifyTest)
	mux.HandleFunc("POST /alert-rules/try-run", alertRuleTryRun)
	mux.HandleFunc("POST /configs/smtp", testSMTPConfig)
	mux.HandleFunc("GET /posts/latest", latestPosts)
	mux.HandleFunc("POST /contests/entries", contestEntry)
	mux.HandleFunc("POST /password/forgot", forgotPassword)
}
