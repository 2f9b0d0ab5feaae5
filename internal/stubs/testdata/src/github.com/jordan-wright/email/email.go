// Package email is a stub of github.com/jordan-wright/email: types and
// signatures as published, no behaviour.
package email

import (
	"crypto/tls"
	"net/smtp"
	"net/textproto"
)

type Email struct {
	ReplyTo []string
	From    string
	To      []string
	Bcc     []string
	Cc      []string
	Subject string
	Text    []byte
	HTML    []byte
	Headers textproto.MIMEHeader
}

func NewEmail() *Email                                                     { return &Email{} }
func (e *Email) Send(addr string, a smtp.Auth) error                       { return nil }
func (e *Email) SendWithTLS(addr string, a smtp.Auth, t *tls.Config) error { return nil }
func (e *Email) SendWithStartTLS(addr string, a smtp.Auth, t *tls.Config) error {
	return nil
}
