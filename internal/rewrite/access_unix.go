//go:build unix

package rewrite

import "syscall"

// Modes of access(2).
const (
	accessWrite = 0x2
	accessExec  = 0x1
)

// mayWrite returns why the process may not write the file at path, or
// nil. access(2) asks the kernel the real question (permissions, ACLs,
// read-only mounts, immutable files) instead of guessing from the mode
// bits, which root ignores; and unlike opening the file for writing, it
// leaves no event that a file watcher would take for a change.
func mayWrite(path string) error {
	return syscall.Access(path, accessWrite)
}

// mayCreateIn returns why the process may not create and rename files in
// dir, or nil.
func mayCreateIn(dir string) error {
	return syscall.Access(dir, accessWrite|accessExec)
}
