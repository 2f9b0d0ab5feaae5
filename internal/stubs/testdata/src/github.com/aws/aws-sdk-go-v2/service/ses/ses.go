// Package ses is a stub of github.com/aws/aws-sdk-go-v2/service/ses: the
// operations the apis tables name, with smithy's generated signature
// (ctx, params, optFns), without the input and output fields.
package ses

import "context"

type Options struct {
	Region string
}

type Client struct{}

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

type SendEmailInput struct{}
type SendEmailOutput struct{}
type SendRawEmailInput struct{}
type SendRawEmailOutput struct{}
type SendTemplatedEmailInput struct{}
type SendTemplatedEmailOutput struct{}

func (c *Client) SendEmail(ctx context.Context, params *SendEmailInput, optFns ...func(*Options)) (*SendEmailOutput, error) {
	return nil, nil
}
func (c *Client) SendRawEmail(ctx context.Context, params *SendRawEmailInput, optFns ...func(*Options)) (*SendRawEmailOutput, error) {
	return nil, nil
}
func (c *Client) SendTemplatedEmail(ctx context.Context, params *SendTemplatedEmailInput, optFns ...func(*Options)) (*SendTemplatedEmailOutput, error) {
	return nil, nil
}
