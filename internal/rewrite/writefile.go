package rewrite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// keptMode is the part of an existing file's mode that its replacement
// gets: permissions and the setuid, setgid and sticky bits.
const keptMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// tempPattern names Apply's temporary files after the file they replace,
// hidden, so that a leftover one (after a SIGKILL or a power cut) says
// where it came from and is easy to find: .name.apilint-*.tmp.
func tempPattern(base string) string {
	return "." + base + ".apilint-*.tmp"
}

// WriteFile writes data to path atomically: it writes a temporary file
// in the same directory, gives it the mode of the file it replaces (perm
// for a new file, applied as given, without the umask), syncs it, renames
// it over path and syncs the directory. Rename is atomic within a
// directory, so a reader, a crash or a signal sees the old content or
// the new, never an empty or half-written file, which os.WriteFile (an
// in-place truncate and write) cannot promise. If path is a symbolic
// link, the file it points to is replaced and the link kept.
//
// On error the old file is unchanged and no temporary file is left. A
// process killed during WriteFile (which, unlike Apply, does not catch
// signals) may leave a temporary file named .NAME.apilint-*.tmp beside
// path, never a damaged path.
// Replacing a file gives it a new inode: other hard links to it keep the
// old content, and its owner is kept only where the process may set it.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	s, err := stage(path, data, perm)
	if err != nil {
		return err
	}
	if err := s.commit(); err != nil {
		s.discard()
		return err
	}
	return syncDir(filepath.Dir(s.target))
}

// staged is new content written and synced to a temporary file beside
// the file it will replace. Apply stages every file before replacing
// any, so that a full disk or an I/O error stops it before it has
// changed anything.
type staged struct {
	// path is the file as the caller named it; target is the file
	// replaced (path with symbolic links resolved).
	path, target, temp string
}

// stage writes data to a temporary file beside path's target, with the
// mode and, where permitted, the owner that the replaced file has.
func stage(path string, data []byte, perm os.FileMode) (*staged, error) {
	target, err := replaced(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(path); lerr == nil {
			return nil, fmt.Errorf("%s: dangling symbolic link: %w", path, err)
		}
		target = path
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	mode := perm & keptMode
	var old fs.FileInfo
	if info, err := os.Stat(target); err == nil {
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a regular file", path)
		}
		mode, old = info.Mode()&keptMode, info
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(target), tempPattern(filepath.Base(target)))
	if err != nil {
		return nil, fmt.Errorf("%s: creating a temporary file: %w", path, unwrapPath(err))
	}
	s := &staged{path: path, target: target, temp: f.Name()}
	err = writeSynced(f, data, old)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// By name, after closing: File.Chmod is not implemented on
		// every platform, and the temporary file is not yet visible
		// under the name anyone reads.
		err = os.Chmod(s.temp, mode)
	}
	if err != nil {
		s.discard()
		return nil, fmt.Errorf("%s: writing %s: %w", path, s.temp, unwrapPath(err))
	}
	return s, nil
}

// writeSynced writes data to f and syncs it, so that after the rename
// the new name never points at data still in the page cache only.
func writeSynced(f *os.File, data []byte, old fs.FileInfo) error {
	if _, err := f.Write(data); err != nil {
		return err
	}
	keepOwner(f, old)
	return f.Sync()
}

// replaced returns the file that replacing path changes: path itself,
// or, when path is a symbolic link, the file it points to, so that the
// link stays a link. Links among the directories above do not matter: a
// rename through them changes the same directory entry.
func replaced(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, err
	}
	return filepath.EvalSymlinks(path)
}

// commit renames the temporary file over the target: the one step at
// which the file changes, atomically.
func (s *staged) commit() error {
	if err := os.Rename(s.temp, s.target); err != nil {
		return fmt.Errorf("%s: replacing it: %w", s.path, unwrapLink(err))
	}
	return nil
}

// discard removes the temporary file, leaving the target as it was.
func (s *staged) discard() {
	os.Remove(s.temp)
}

// unwrapLink drops the two paths that a rename error repeats.
func unwrapLink(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
