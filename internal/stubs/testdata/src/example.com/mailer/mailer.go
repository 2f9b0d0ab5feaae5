// Package mailer is an in-house mail client, taught as blocking in
// .apilint.yml.
package mailer

type Client struct{}

func (c *Client) Deliver(to, body string) error { return nil }
