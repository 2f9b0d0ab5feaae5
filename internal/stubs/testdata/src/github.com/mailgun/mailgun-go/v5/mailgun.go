// Package mailgun is a stub of github.com/mailgun/mailgun-go/v5 (v5.17):
// v5 renamed the client type MailgunImpl to Client. Types and signatures
// as published; Message keeps two of its methods.
package mailgun

import (
	"context"

	"github.com/mailgun/mailgun-go/v5/mtypes"
)

type Message interface {
	Domain() string
	To() []string
}

type PlainMessage struct{}

func (m *PlainMessage) Domain() string { return "" }
func (m *PlainMessage) To() []string   { return nil }

func NewMessage(domain, from, subject, text string, to ...string) *PlainMessage {
	return &PlainMessage{}
}

type Mailgun interface {
	Send(ctx context.Context, m Message) (mtypes.SendMessageResponse, error)
}

type Client struct{}

func NewMailgun(apiKey string) *Client { return &Client{} }

func (mg *Client) Send(ctx context.Context, m Message) (mtypes.SendMessageResponse, error) {
	return mtypes.SendMessageResponse{}, nil
}
