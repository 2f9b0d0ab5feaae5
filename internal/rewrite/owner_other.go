//go:build !unix

package rewrite

import (
	"io/fs"
	"os"
)

// keepOwner does nothing where files have no Unix owner to keep; on
// Windows a new file inherits its directory's access control list.
func keepOwner(*os.File, fs.FileInfo) {}
