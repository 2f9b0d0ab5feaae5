//go:build unix

package rewrite

import (
	"fmt"
	"os"
)

// syncDir flushes dir's entries, so that a rename survives a power cut:
// without it the file's new content is on disk but the name may still
// point at the old inode, or at nothing.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("%s: syncing the directory: %w", dir, unwrapPath(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("%s: syncing the directory: %w", dir, unwrapPath(err))
	}
	return nil
}
