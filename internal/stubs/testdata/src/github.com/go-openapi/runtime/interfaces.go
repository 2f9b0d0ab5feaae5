// Package runtime is a stub of github.com/go-openapi/runtime.
package runtime

import "io"

type Producer interface {
	Produce(io.Writer, any) error
}

type Consumer interface {
	Consume(io.Reader, any) error
}
