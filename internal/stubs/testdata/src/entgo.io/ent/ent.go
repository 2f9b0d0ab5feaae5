// Package ent is a stub of entgo.io/ent, the runtime generated clients import.
package ent

type Hook func(Mutator) Mutator
type Mutator interface{}
type Value interface{}
