package handlers

import (
	"net/http"
	"net/smtp"
	"strings"
	"time"
)

// Fs is a choice of backends: the service stores files on the one its
// operator configured. Only the HTTP backend makes a request per call.
type Fs interface {
	Mkdir(name string) error
	Lock(name string) error
}

type osFs struct{}

func (osFs) Mkdir(name string) error { return nil }
func (osFs) Lock(name string) error  { time.Sleep(time.Second); return nil }

type s3Fs struct{}

func (s3Fs) Mkdir(name string) error { return nil }
func (s3Fs) Lock(name string) error  { time.Sleep(time.Second); return nil }

type memFs struct{}

func (memFs) Mkdir(name string) error { return nil }
func (memFs) Lock(name string) error  { return nil }

type httpFs struct{ base string }

func (f httpFs) Mkdir(name string) error {
	resp, err := http.Post(f.base+"/mkdir/"+name, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (httpFs) Lock(name string) error { time.Sleep(time.Second); return nil }

var fs Fs = osFs{}

// Look-alike: one directory per path level, through the configured file
// system; one backend of four makes requests: silent.
func makeDirs(w http.ResponseWriter, r *http.Request) {
	dir := ""
	for _, part := range strings.Split(r.URL.Path, "/") {
		dir += "/" + part
		fs.Mkdir(dir)
	}
}

// Three backends of four sleep in Lock: whichever is configured, the
// request most likely waits. Reported.
func lockFile(w http.ResponseWriter, r *http.Request) {
	fs.Lock(r.URL.Path) // want `request handler lockFile sleeps: time.Sleep`
}

// Two implementations, one real and one that does nothing, are no choice
// of backends: the real one runs in production. Reported.
type mailer interface{ Notify(to string) error }

type smtpMailer struct{ addr string }

func (n smtpMailer) Notify(to string) error {
	return smtp.SendMail(n.addr, nil, "noreply@example.com", []string{to}, []byte("hello"))
}

type nopMailer struct{}

func (nopMailer) Notify(to string) error { return nil }

var mail mailer = nopMailer{}

func register(w http.ResponseWriter, r *http.Request) {
	mail.Notify(r.FormValue("email")) // want `request handler register sends mail synchronously`
}

func init() {
	http.HandleFunc("/dirs/", makeDirs)
	http.HandleFunc("/lock/", lockFile)
	http.HandleFunc("/register", register)
}

// Look-alike: mail that only a failure sends (the status could not be
// saved), in a helper.
func saveStatus(status string) error {
	if err := persist(status); err != nil {
		smtp.SendMail("mail:25", nil, "noreply@example.com", []string{"ops@example.com"}, []byte(err.Error()))
		return err
	}
	return nil
}

func persist(status string) error { return nil }

func setStatus(w http.ResponseWriter, r *http.Request) {
	saveStatus(r.FormValue("status"))
}

func init() {
	http.HandleFunc("/status", setStatus)
}
