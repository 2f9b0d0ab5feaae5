//go:build !unix

package rewrite

import "os"

// reraise exits with status 1 where a process cannot signal itself.
func reraise(os.Signal) {
	os.Exit(1)
}
