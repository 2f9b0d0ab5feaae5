//go:build unix

package rewrite

import (
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
)

// TestApplyKeepsIgnoredSignalsIgnored runs Apply in a process that
// ignores SIGINT, as one started with nohup does: asking to be notified
// of SIGINT would turn it back on, and stopping would then restore its
// default action, which kills.
func TestApplyKeepsIgnoredSignalsIgnored(t *testing.T) {
	signal.Ignore(syscall.SIGINT)
	t.Cleanup(func() { signal.Reset(syscall.SIGINT) })
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	if _, err := Apply([]Fix{rename(1, filepath.Join(dir, "a.go"))}, snap, Options{LockDir: dir}); err != nil {
		t.Fatal(err)
	}
	if !signal.Ignored(os.Interrupt) {
		t.Error("SIGINT is no longer ignored after Apply")
	}
}
