//go:build !unix

package rewrite

// syncDir does nothing where a directory cannot be opened for syncing.
// On Windows the rename is still atomic for readers; whether it survives
// a power cut rests on the file system's metadata journal.
func syncDir(string) error { return nil }
