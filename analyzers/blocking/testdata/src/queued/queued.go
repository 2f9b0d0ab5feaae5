package queued

import (
	"net/http"

	"github.com/hibiken/asynq"
	"github.com/sendgrid/sendgrid-go"
)

type API struct {
	sg    *sendgrid.Client
	queue *asynq.Client
}

// The project already has a queue: the message says so.
func (a *API) invite(w http.ResponseWriter, r *http.Request) {
	a.sg.Send(&sendgrid.SGMailV3{}) // want `request handler API.invite sends mail synchronously: \(\*sendgrid.Client\).Send .*\(the project uses asynq\)`
}

// Look-alike: enqueued.
func (a *API) inviteQueued(w http.ResponseWriter, r *http.Request) {
	a.queue.Enqueue(asynq.NewTask("invite", nil))
	w.WriteHeader(http.StatusAccepted)
}
