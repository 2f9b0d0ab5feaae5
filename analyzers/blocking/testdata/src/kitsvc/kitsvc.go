// Package kitsvc declares a go-kit endpoint function that nothing in the
// package takes for a handler: the package that registers it does.
package kitsvc

import (
	"context"
	"time"
)

// List is registered by kitmain.
func List(ctx context.Context, request interface{}) (interface{}, error) {
	time.Sleep(time.Second)
	return nil, nil
}
