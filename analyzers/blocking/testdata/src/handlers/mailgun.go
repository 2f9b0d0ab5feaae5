package handlers

import (
	"context"
	"net/http"

	"github.com/mailgun/mailgun-go/v5"
)

// mailgun-go v5 renamed MailgunImpl to Client: the same call, any major
// version.
func invite(w http.ResponseWriter, r *http.Request) {
	mg := mailgun.NewMailgun("key")
	m := mailgun.NewMessage("shop@example.com", "Welcome", "Hello", r.FormValue("to"))
	mg.Send(context.Background(), m) // want `request handler invite sends mail synchronously: \(\*mailgun.Client\).Send`
}
