// Package sasl is a stub of github.com/emersion/go-sasl.
package sasl

type Client interface {
	Start() (mech string, ir []byte, err error)
	Next(challenge []byte) (response []byte, err error)
}
