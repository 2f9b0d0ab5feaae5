// Package ssh is a stub of golang.org/x/crypto/ssh: the signatures apilint
// knows, as the library publishes them.
package ssh

import (
	"io"
	"net"
	"time"
)

type ClientConfig struct {
	User    string
	Timeout time.Duration
}

type Request struct {
	Type      string
	WantReply bool
	Payload   []byte
}

type Channel interface {
	io.ReadWriter
	Close() error
	SendRequest(name string, wantReply bool, payload []byte) (bool, error)
}

type Conn interface {
	User() string
	RemoteAddr() net.Addr
	SendRequest(name string, wantReply bool, payload []byte) (bool, []byte, error)
	OpenChannel(name string, data []byte) (Channel, <-chan *Request, error)
	Close() error
	Wait() error
}

type Client struct {
	Conn
}

func Dial(network, addr string, config *ClientConfig) (*Client, error) { return nil, nil }

func (c *Client) NewSession() (*Session, error) { return nil, nil }

type Session struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

func (s *Session) Run(cmd string) error                      { return nil }
func (s *Session) Output(cmd string) ([]byte, error)         { return nil, nil }
func (s *Session) CombinedOutput(cmd string) ([]byte, error) { return nil, nil }
func (s *Session) Start(cmd string) error                    { return nil }
func (s *Session) Wait() error                               { return nil }
func (s *Session) Close() error                              { return nil }
