// Package gomail is a stub of gopkg.in/gomail.v2 (message.go, send.go,
// smtp.go): types and signatures as published, no behaviour.
package gomail

import "io"

type Message struct{}

type MessageSetting func(m *Message)

type part struct{}

type PartSetting func(*part)

func NewMessage(settings ...MessageSetting) *Message                         { return &Message{} }
func (m *Message) SetHeader(field string, value ...string)                   {}
func (m *Message) SetBody(contentType, body string, settings ...PartSetting) {}

type Sender interface {
	Send(from string, to []string, msg io.WriterTo) error
}

type SendFunc func(from string, to []string, msg io.WriterTo) error

func (f SendFunc) Send(from string, to []string, msg io.WriterTo) error { return nil }

func Send(s Sender, msg ...*Message) error { return nil }

type Dialer struct {
	Host     string
	Port     int
	Username string
	Password string
}

func NewDialer(host string, port int, username, password string) *Dialer { return &Dialer{} }
func (d *Dialer) DialAndSend(m ...*Message) error                        { return nil }
