package rewrite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLockExcludesSecondHolder(t *testing.T) {
	dir := t.TempDir()
	first, err := lockTree(dir, time.Second, pending())
	if err != nil {
		t.Fatal(err)
	}
	_, err = lockTree(dir, time.Millisecond, pending())
	if !errors.Is(err, ErrLocked) || !strings.HasPrefix(err.Error(), "another apilint --fix is running in "+dir) {
		t.Errorf("second lock: %v", err)
	}
	if err := first.unlock(); err != nil {
		t.Fatal(err)
	}
	second, err := lockTree(dir, time.Millisecond, pending())
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	second.unlock()
}

func TestLockWaitEndsOnSignal(t *testing.T) {
	dir := t.TempDir()
	held, err := lockTree(dir, time.Second, pending())
	if err != nil {
		t.Fatal(err)
	}
	defer held.unlock()
	in := pending()
	in.ch <- os.Interrupt
	// The wait is long, so only the signal can end it.
	_, err = lockTree(dir, time.Hour, in)
	if !errors.Is(err, ErrInterrupted) || !strings.Contains(err.Error(), "SIGINT while waiting for another apilint --fix in "+dir) {
		t.Errorf("lock wait with a signal: %v", err)
	}
}

func TestLockNeedsDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file")} {
		if p == filepath.Join(dir, "file") {
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := lockTree(p, time.Millisecond, pending()); err == nil || !strings.HasPrefix(err.Error(), "locking "+p+": ") {
			t.Errorf("lock on %s: %v", p, err)
		}
	}
}
