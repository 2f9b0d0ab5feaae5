//go:build windows

package rewrite

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// errSharingViolation is ERROR_SHARING_VIOLATION, which the syscall
// package does not name.
const errSharingViolation syscall.Errno = 32

// shareLock holds a lock file in the temporary directory open without
// sharing: while one process has it, no other can open it, and Windows
// closes the handle when the holder exits or is killed. The file lives
// outside the user's tree and is named after the tree's path.
type shareLock struct {
	path string
	h    syscall.Handle
}

func openTreeLock(dir string) (treeLock, error) {
	sum := sha256.Sum256([]byte(strings.ToLower(dir)))
	name := "apilint-fix-" + hex.EncodeToString(sum[:12]) + ".lock"
	return &shareLock{path: filepath.Join(os.TempDir(), name), h: syscall.InvalidHandle}, nil
}

func (l *shareLock) tryLock() (bool, error) {
	p, err := syscall.UTF16PtrFromString(l.path)
	if err != nil {
		return false, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err == errSharingViolation {
		return false, nil
	}
	if err != nil {
		return false, &os.PathError{Op: "open", Path: l.path, Err: err}
	}
	l.h = h
	return true, nil
}

func (l *shareLock) unlock() error {
	if l.h == syscall.InvalidHandle {
		return nil
	}
	err := syscall.CloseHandle(l.h)
	l.h = syscall.InvalidHandle
	return err
}
