// Package mailgun is a stub of github.com/mailgun/mailgun-go/v4 (v4.23.0):
// the client type is MailgunImpl; types and signatures as published.
package mailgun

import "context"

type Message struct{}

type Mailgun interface {
	Send(ctx context.Context, m *Message) (string, string, error)
}

type MailgunImpl struct{}

func NewMailgun(domain, apiKey string) *MailgunImpl { return &MailgunImpl{} }

func NewMessage(from, subject, text string, to ...string) *Message { return &Message{} }

func (mg *MailgunImpl) Send(ctx context.Context, m *Message) (mes string, id string, err error) {
	return "", "", nil
}
