// Package mocked: a handler calls an interface whose only implementation
// in the package is a test double that sleeps. The double is not the
// program: nothing is reported (go vet analyzes the test variant, the
// apilint command loads no tests; both stay silent).
package mocked

import (
	"net/http"
	"time"

	"github.com/stretchr/testify/mock"
)

type Payments interface {
	Charge(id string) error
}

type Server struct{ pay Payments }

func (s *Server) charge(w http.ResponseWriter, r *http.Request) {
	s.pay.Charge(r.FormValue("id"))
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/charge", s.charge)
}

// Mailer is implemented below by a testify double kept in a non-test file
// (as generated mocks packages do): it is not the program either.
type Mailer interface {
	Send(to string) error
}

type MailerMock struct{ mock.Mock }

func (m *MailerMock) Send(to string) error {
	time.Sleep(time.Second)
	return m.Called(to).Error(0)
}

type Notifier struct{ mail Mailer }

func (n *Notifier) notify(w http.ResponseWriter, r *http.Request) {
	n.mail.Send(r.FormValue("to"))
}

func NotifyRoutes(mux *http.ServeMux, n *Notifier) {
	mux.HandleFunc("/notify", n.notify)
}
