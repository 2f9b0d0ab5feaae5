//go:build unix

package rewrite

import (
	"os"
	"os/exec"
	"testing"
)

// makeUnwritable takes write permission away from path (a file or a
// directory). Root ignores permission bits, so when the probe shows that
// chmod was not enough, it marks path immutable with chattr, which binds
// root too, and skips the test only if that is not possible either.
func makeUnwritable(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	mode := os.FileMode(0o444)
	if info.IsDir() {
		mode = 0o555
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, info.Mode().Perm()) })
	if !writable(path, info.IsDir()) {
		return
	}
	chattr, err := exec.LookPath("chattr")
	if err != nil {
		t.Skipf("%s stays writable (running as root?) and there is no chattr to make it immutable", path)
	}
	if out, err := exec.Command(chattr, "+i", path).CombinedOutput(); err != nil {
		t.Skipf("%s stays writable (running as root?) and chattr +i failed: %v: %s", path, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command(chattr, "-i", path).CombinedOutput(); err != nil {
			t.Errorf("chattr -i %s: %v: %s", path, err, out)
		}
	})
	if writable(path, info.IsDir()) {
		t.Skipf("%s stays writable even when immutable", path)
	}
}

// writable probes path the way a writer would use it.
func writable(path string, dir bool) bool {
	if dir {
		f, err := os.CreateTemp(path, "probe")
		if err != nil {
			return false
		}
		f.Close()
		os.Remove(f.Name())
		return true
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
