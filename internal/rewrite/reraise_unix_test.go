//go:build unix

package rewrite

import (
	"os"
	"syscall"
	"time"
)

// reraise ends the process with sig, now that Apply has restored its
// default handling, so that the parent sees death by signal as it would
// without Apply's catching.
func reraise(sig os.Signal) {
	s, ok := sig.(syscall.Signal)
	if !ok {
		os.Exit(1)
	}
	syscall.Kill(os.Getpid(), s)
	// The signal may be handled on another thread after Kill returns;
	// give it time to end the process before exiting the way a shell
	// would report it.
	time.Sleep(time.Minute)
	os.Exit(128 + int(s))
}
