// Package mail is a stub of github.com/wneessen/go-mail (v0.8, client.go
// and msg.go): types and signatures as published, no behaviour.
package mail

import "context"

type Msg struct{}

type MsgOption func(*Msg)

func NewMsg(opts ...MsgOption) *Msg     { return &Msg{} }
func (m *Msg) From(from string) error   { return nil }
func (m *Msg) To(rcpts ...string) error { return nil }
func (m *Msg) Subject(subj string)      {}

type Client struct{}

type Option func(*Client) error

func NewClient(host string, opts ...Option) (*Client, error)    { return &Client{}, nil }
func (c *Client) DialWithContext(ctxDial context.Context) error { return nil }
func (c *Client) Close() error                                  { return nil }
func (c *Client) DialAndSend(messages ...*Msg) error            { return nil }
func (c *Client) DialAndSendWithContext(ctx context.Context, messages ...*Msg) (err error) {
	return nil
}
func (c *Client) Send(messages ...*Msg) (returnErr error) { return nil }
