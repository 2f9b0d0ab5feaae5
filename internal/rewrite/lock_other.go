//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package rewrite

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// createLock is the fallback where neither flock nor Windows sharing
// modes are available: a lock file created exclusively in the temporary
// directory, outside the user's tree. Unlike the others, the operating
// system does not release it when the holder is killed; the error then
// names the file to remove.
type createLock struct {
	path string
	held bool
}

func openTreeLock(dir string) (treeLock, error) {
	sum := sha256.Sum256([]byte(dir))
	name := "apilint-fix-" + hex.EncodeToString(sum[:12]) + ".lock"
	return &createLock{path: filepath.Join(os.TempDir(), name)}, nil
}

func (l *createLock) tryLock() (bool, error) {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	f.Close()
	l.held = true
	return true, nil
}

func (l *createLock) unlock() error {
	if !l.held {
		return nil
	}
	l.held = false
	return os.Remove(l.path)
}

// staleHint tells the user how to recover from a holder that was killed.
func (l *createLock) staleHint() string {
	return "if no other run is active, remove " + l.path
}
