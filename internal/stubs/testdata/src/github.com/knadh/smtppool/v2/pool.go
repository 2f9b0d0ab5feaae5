// Package smtppool is a stub of github.com/knadh/smtppool/v2 (v2.0): types and
// signatures as published, no behaviour.
package smtppool

type Opt struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	MaxConns int    `json:"max_conns"`
}

type Email struct {
	From    string
	To      []string
	Subject string
	Text    []byte
	HTML    []byte
}

type Pool struct{}

func New(o Opt) (*Pool, error)     { return &Pool{}, nil }
func (p *Pool) Send(e Email) error { return nil }
func (p *Pool) Close()             {}
