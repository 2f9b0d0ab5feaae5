//go:build unix

package rewrite

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file it replaces, so that
// a fix run as root does not hand a user's file to root. It is best
// effort: an ordinary user may not give a file away, and a file whose
// content they may write is still theirs to fix.
func keepOwner(f *os.File, old fs.FileInfo) {
	if old == nil {
		return
	}
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	uid, gid := int(st.Uid), int(st.Gid)
	if uid == os.Getuid() && gid == os.Getgid() {
		return
	}
	_ = f.Chown(uid, gid)
}
