// Package sesv2 is a stub of github.com/aws/aws-sdk-go-v2/service/sesv2:
// the operations the apis tables name (api_op_SendEmail.go,
// api_op_SendBulkEmail.go), without the input and output fields.
package sesv2

import "context"

type Options struct {
	Region string
}

type Client struct{}

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

type SendEmailInput struct{}
type SendEmailOutput struct{}
type SendBulkEmailInput struct{}
type SendBulkEmailOutput struct{}

func (c *Client) SendEmail(ctx context.Context, params *SendEmailInput, optFns ...func(*Options)) (*SendEmailOutput, error) {
	return nil, nil
}
func (c *Client) SendBulkEmail(ctx context.Context, params *SendBulkEmailInput, optFns ...func(*Options)) (*SendBulkEmailOutput, error) {
	return nil, nil
}
