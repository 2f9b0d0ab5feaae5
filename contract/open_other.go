//go:build !unix

package contract

// openNonblock is not needed where files cannot be named pipes that block
// on open; the stat before opening refuses them.
const openNonblock = 0
