// Package smtp is a stub of github.com/emersion/go-smtp (client.go,
// smtp.go): signatures as published in v0.25, plus Client.StartTLS, which
// v0.17 has and later versions replaced with DialStartTLS.
package smtp

import (
	"crypto/tls"
	"io"
	"net"

	"github.com/emersion/go-sasl"
)

type MailOptions struct{}
type RcptOptions struct{}

type DataCommand struct{}

func (cmd *DataCommand) Write(b []byte) (int, error) { return len(b), nil }
func (cmd *DataCommand) Close() error                { return nil }

type Client struct{}

func Dial(addr string) (*Client, error)                                { return &Client{}, nil }
func DialTLS(addr string, tlsConfig *tls.Config) (*Client, error)      { return &Client{}, nil }
func DialStartTLS(addr string, tlsConfig *tls.Config) (*Client, error) { return &Client{}, nil }
func NewClient(conn net.Conn) *Client                                  { return &Client{} }

func SendMail(addr string, a sasl.Client, from string, to []string, r io.Reader) error {
	return nil
}
func SendMailTLS(addr string, a sasl.Client, from string, to []string, r io.Reader) error {
	return nil
}

func (c *Client) Close() error                                         { return nil }
func (c *Client) Hello(localName string) error                         { return nil }
func (c *Client) StartTLS(config *tls.Config) error                    { return nil }
func (c *Client) Auth(a sasl.Client) error                             { return nil }
func (c *Client) Mail(from string, opts *MailOptions) error            { return nil }
func (c *Client) Rcpt(to string, opts *RcptOptions) error              { return nil }
func (c *Client) Data() (*DataCommand, error)                          { return &DataCommand{}, nil }
func (c *Client) SendMail(from string, to []string, r io.Reader) error { return nil }
func (c *Client) Quit() error                                          { return nil }
