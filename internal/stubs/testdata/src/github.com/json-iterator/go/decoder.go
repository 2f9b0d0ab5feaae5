// Package jsoniter is a stand-in for github.com/json-iterator/go, a drop-in replacement for
// encoding/json: its decoder as published.
package jsoniter

import "io"

type Decoder struct{ r io.Reader }

func NewDecoder(r io.Reader) *Decoder { return &Decoder{r: r} }

func (dec *Decoder) Decode(v interface{}) error { return nil }
