package effects

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// chainKeep is how many steps a Chain keeps at each end. A chain longer
// than twice that keeps its first and last steps and counts the rest, so
// that extending a chain by one caller costs the same at any depth, and a
// finding reached through 2,000 calls prints eight of them.
const chainKeep = 4

// Chain is the call chain from a function (excluded) to the library call
// that has an effect (last): ["store.(*PG).GetUser",
// "(*sql.DB).QueryRowContext"]. It is a value: Prepend returns a new chain
// and never changes the one it extends. Chains compare by length and hash,
// not by their steps.
type Chain struct {
	// Head holds the first steps: all of them when Len <= 2*chainKeep,
	// else chainKeep.
	Head []string
	// Tail holds the last chainKeep steps when Len > 2*chainKeep.
	Tail []string
	// Len is the number of steps.
	Len int
	// Hash identifies the sequence of every step.
	Hash uint64
}

// NewChain returns the chain of one step.
func NewChain(step string) Chain {
	return Chain{Head: []string{step}, Len: 1, Hash: mix(0, step)}
}

// mix hashes step in front of a chain hashed h.
func mix(h uint64, step string) uint64 {
	f := fnv.New64a()
	f.Write([]byte(step))
	var b [8]byte
	for i := range b {
		b[i] = byte(h >> (8 * i))
	}
	f.Write(b[:])
	return f.Sum64()
}

// Prepend returns the chain seen from a caller of the function step.
func (c Chain) Prepend(step string) Chain {
	out := Chain{Len: c.Len + 1, Hash: mix(c.Hash, step)}
	switch {
	case out.Len <= 2*chainKeep:
		out.Head = append([]string{step}, c.Head...)
	case c.Len == 2*chainKeep: // becomes long: split Head in two
		out.Head = append([]string{step}, c.Head[:chainKeep-1]...)
		out.Tail = slices.Clone(c.Head[chainKeep:])
	default:
		out.Head = append([]string{step}, c.Head[:chainKeep-1]...)
		out.Tail = c.Tail
	}
	return out
}

// Empty reports whether c has no steps.
func (c Chain) Empty() bool { return c.Len == 0 }

// First returns the first step.
func (c Chain) First() string {
	if c.Len == 0 {
		return ""
	}
	return c.Head[0]
}

// Last returns the last step: the library call.
func (c Chain) Last() string {
	switch {
	case c.Len == 0:
		return ""
	case len(c.Tail) > 0:
		return c.Tail[len(c.Tail)-1]
	}
	return c.Head[len(c.Head)-1]
}

// Steps returns the steps to show: all of them, or the first and last
// with "… N more" between.
func (c Chain) Steps() []string {
	if len(c.Tail) == 0 {
		return slices.Clone(c.Head)
	}
	out := slices.Clone(c.Head)
	out = append(out, fmt.Sprintf("… %d more", c.Len-len(c.Head)-len(c.Tail)))
	return append(out, c.Tail...)
}

// Callers returns the steps to show before the last: the functions
// through which the library call is reached.
func (c Chain) Callers() []string {
	s := c.Steps()
	if len(s) == 0 {
		return nil
	}
	return s[:len(s)-1]
}

// String joins the steps with arrows.
func (c Chain) String() string { return strings.Join(c.Steps(), " → ") }

// Same reports whether c and o are the same sequence of steps.
func (c Chain) Same(o Chain) bool { return c.Len == o.Len && c.Hash == o.Hash }

// less orders chains: shorter first, then by the steps kept, then by
// hash, so that the witness chosen among equals is always the same.
func (c Chain) less(o Chain) bool {
	if c.Len != o.Len {
		return c.Len < o.Len
	}
	if d := slices.Compare(c.Head, o.Head); d != 0 {
		return d < 0
	}
	if d := slices.Compare(c.Tail, o.Tail); d != 0 {
		return d < 0
	}
	return c.Hash < o.Hash
}
