// Package mtypes is a stub of github.com/mailgun/mailgun-go/v5/mtypes.
package mtypes

type SendMessageResponse struct {
	Message string `json:"message"`
	ID      string `json:"id"`
}
