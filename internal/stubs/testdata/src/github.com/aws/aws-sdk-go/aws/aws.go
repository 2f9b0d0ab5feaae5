// Package aws is a stub of github.com/aws/aws-sdk-go/aws.
package aws

import "context"

type Context = context.Context

type Config struct {
	Region *string
}

func String(v string) *string { return &v }
