//go:build !unix

package rewrite

import "os"

// mayWrite returns why the process may not write the file at path, or
// nil. Without access(2), it opens the file for writing, which changes
// nothing, and asks the operating system the real question (a read-only
// attribute, an ACL) instead of guessing from the mode bits.
func mayWrite(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return unwrapPath(err)
	}
	return f.Close()
}

// mayCreateIn returns why the process may not create files in dir, or
// nil: it creates and removes one, the step replacing a file needs.
func mayCreateIn(dir string) error {
	f, err := os.CreateTemp(dir, tempPattern("probe"))
	if err != nil {
		return unwrapPath(err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
