package configured

import (
	"net/http"

	"example.com/mailer"
)

// An in-house client taught as blocking in .apilint.yml.
func welcome(w http.ResponseWriter, r *http.Request) {
	var m mailer.Client
	m.Deliver(r.FormValue("email"), "welcome") // want `request handler welcome makes a call configured as blocking: \(\*mailer.Client\).Deliver`
}
