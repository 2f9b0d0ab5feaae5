// Package mock is a stub of github.com/stretchr/testify/mock.
package mock

// Mock is embedded in test doubles.
type Mock struct{}

// Arguments are a call's recorded arguments.
type Arguments []any

// Called records a call.
func (m *Mock) Called(args ...any) Arguments { return nil }

// Error returns argument i as an error.
func (a Arguments) Error(i int) error { return nil }
