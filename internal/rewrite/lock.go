package rewrite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// DefaultLockWait is how long Apply waits for another apilint --fix in
// the same tree before refusing: long enough for a run on a large module
// to finish, short enough that a stuck one is reported, not waited on
// forever.
const DefaultLockWait = 10 * time.Second

// ErrLocked is wrapped by the error Apply returns when another process
// holds the lock on Options.LockDir for longer than Options.LockWait.
var ErrLocked = errors.New("another apilint --fix is running")

// treeLock is an advisory lock on a source tree, implemented per
// platform. The lock must be released by the operating system when its
// holder dies, so that a killed run never blocks the next one.
type treeLock interface {
	// tryLock takes the lock if it is free, without waiting.
	tryLock() (bool, error)
	// unlock releases the lock and the resources behind it.
	unlock() error
}

// lockTree takes the lock on dir, polling until wait has passed. A
// caught signal stops the wait: the user who presses Ctrl-C while a run
// waits wants it to give up, not to start writing.
func lockTree(dir string, wait time.Duration, in *interrupts) (treeLock, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", abs, unwrapPath(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("locking %s: not a directory", abs)
	}
	l, err := openTreeLock(abs)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", abs, err)
	}
	if wait <= 0 {
		wait = DefaultLockWait
	}
	deadline := time.Now().Add(wait)
	delay := 5 * time.Millisecond
	for {
		ok, err := l.tryLock()
		if err != nil {
			l.unlock()
			return nil, fmt.Errorf("locking %s: %w", abs, err)
		}
		if ok {
			return l, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			hint := ""
			if h, ok := l.(interface{ staleHint() string }); ok {
				hint = "; " + h.staleHint()
			}
			l.unlock()
			return nil, fmt.Errorf("%w in %s (waited %v for it to finish)%s", ErrLocked, abs, wait, hint)
		}
		if s := in.wait(min(delay, left)); s != nil {
			l.unlock()
			return nil, fmt.Errorf("%w by %s while waiting for another apilint --fix in %s", ErrInterrupted, signalName(s), abs)
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}
