// Package ses is a stub of github.com/aws/aws-sdk-go/service/ses
// (v1.45): the operations the apis tables name, without the request
// and input fields.
package ses

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
)

type SES struct{}

type SendEmailInput struct{}
type SendEmailOutput struct{}
type SendRawEmailInput struct{}
type SendRawEmailOutput struct{}
type SendTemplatedEmailInput struct{}
type SendTemplatedEmailOutput struct{}

func (c *SES) SendEmail(input *SendEmailInput) (*SendEmailOutput, error) { return nil, nil }
func (c *SES) SendEmailWithContext(ctx aws.Context, input *SendEmailInput, opts ...request.Option) (*SendEmailOutput, error) {
	return nil, nil
}
func (c *SES) SendRawEmail(input *SendRawEmailInput) (*SendRawEmailOutput, error) {
	return nil, nil
}
func (c *SES) SendRawEmailWithContext(ctx aws.Context, input *SendRawEmailInput, opts ...request.Option) (*SendRawEmailOutput, error) {
	return nil, nil
}
func (c *SES) SendTemplatedEmail(input *SendTemplatedEmailInput) (*SendTemplatedEmailOutput, error) {
	return nil, nil
}
