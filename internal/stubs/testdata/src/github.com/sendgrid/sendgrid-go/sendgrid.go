// Package sendgrid is a stub of github.com/sendgrid/sendgrid-go.
package sendgrid

type Response struct{ StatusCode int }

type Client struct{}

type SGMailV3 struct{}

func NewSendClient(key string) *Client                    { return &Client{} }
func (c *Client) Send(email *SGMailV3) (*Response, error) { return &Response{}, nil }
