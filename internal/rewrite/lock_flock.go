//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package rewrite

import (
	"errors"
	"os"
	"syscall"
)

// flockDir locks the tree's directory itself with flock(2). Nothing is
// written to the user's tree, the lock is tied to the directory's inode
// whatever path names it, and the kernel drops it when the holder exits
// or is killed.
type flockDir struct {
	f *os.File
}

func openTreeLock(dir string) (treeLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return &flockDir{f: f}, nil
}

func (l *flockDir) tryLock() (bool, error) {
	var ferr error
	err := l.flock(func(fd int) error {
		ferr = syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		return nil
	})
	if err != nil {
		return false, err
	}
	if errors.Is(ferr, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return ferr == nil, ferr
}

func (l *flockDir) unlock() error {
	// Closing the only descriptor releases the lock.
	return l.f.Close()
}

// flock runs fn on the descriptor without taking it out of the runtime's
// hands, as File.Fd would.
func (l *flockDir) flock(fn func(fd int) error) error {
	rc, err := l.f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}
