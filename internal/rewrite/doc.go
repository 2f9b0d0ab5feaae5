// Package rewrite changes users' files as one transaction: it applies
// suggested fixes so that a file is never truncated, corrupted, edited
// at stale offsets, or changed without the user being told.
//
// apilint --fix used to write each file in place with os.WriteFile, and
// a Ctrl-C at the wrong moment left files empty; two runs in the same
// tree interleaved; a file edited between analysis and fix received
// edits at offsets that no longer meant anything; a file that did not
// format was written broken; and what was changed depended on map order.
// Apply instead holds a lock on the tree and goes through four steps:
// check, plan, write, report.
//
// # Lock
//
// An advisory lock on the module root (Options.LockDir) is held for the
// whole transaction, so that a second apilint --fix in the same tree
// waits for the first, for a bounded time, and then refuses with an
// error wrapping ErrLocked rather than hanging. The lock is flock(2) on
// the directory itself on Linux, macOS and the BSDs, and a lock file
// opened without sharing in the temporary directory on Windows; both
// are released by the operating system when the holder dies. Elsewhere
// a lock file is created exclusively, and a killed holder leaves it
// behind (the error then names it). The wait alone does not make the
// second run correct: the check below does.
//
// # Check
//
// Every fix carries byte offsets into a file as it was analysed, and a
// Snapshot records a hash of that content. Before planning, each target
// file is read and compared with its hash: a file that changed since
// (the user saved it, or the first of two runs fixed it) receives no
// edits, and all fixes touching it are skipped as "changed since
// analysis". Each file must also be a regular file that we may write
// (asked of the kernel with access(2), which knows about root, ACLs,
// read-only mounts and immutable files), in a directory where we may
// create the temporary file that will replace it; a file the user made
// read-only is left alone and reported, not replaced behind their back.
// These checks run before anything is written, because a failure found
// half-way through writing can no longer be skipped cleanly.
//
// # Plan
//
// Fixes are taken in ID order, a lower ID winning a conflict. Each edit
// of a fix is compared with every edit already kept in its file, not only
// with its neighbours in sorted order: two ranges conflict when they
// share a byte, and two insertions conflict when they are at the same
// offset, since nothing orders them; identical edits from two fixes (the
// same import added twice) are one shared edit. A fix that loses is
// skipped with the winner and the position named. A fix applies whole
// or not at all: it is skipped if any edit is out of range or any of its
// files fails a check. Each file's kept edits are then applied in memory
// and formatted (go/format.Source by default); text that does not parse
// as Go, before or after formatting, is never written, and every fix
// editing that file is dropped in every file, after which the choice is
// made again. Every step runs in ID and path order, so the same input
// always gives the same files and the same report.
//
// # Write
//
// Each file's new text is first staged: written to a temporary file in
// the same directory, given the old file's mode, and synced (several
// files at a time, since file systems fold concurrent syncs together).
// Only when every file is staged are they renamed over the originals,
// one by one in sorted order, and their directories synced (WriteFile
// does the same for one file). A rename is atomic, so at every instant each file holds its old
// text or its new text, never a mix and never nothing; staging first
// means a full disk stops Apply before it has changed anything.
//
// SIGINT and SIGTERM are caught while Apply runs. A signal makes it stop
// at the next file boundary, remove its temporary files and return a
// Result plus an *IncompleteError that lists exactly which files were
// changed and which were not; Result.Signal tells the caller, who
// decides what to do once Apply has restored the signals' default
// handling: re-raise the signal or exit with status 128 plus its number.
// The package keeps no state between calls.
//
// # Report
//
// The Result accounts for everything: each fix is applied or skipped
// with a reason, each file is written or unchanged with a reason. A fix
// skipped for an overlap stays in the report, so running apilint --fix
// again can pick it up.
//
// What the transaction cannot do: a signal between two renames leaves a
// fix that spans those files half applied (the Result names it); a
// process that edits a file between the check and the rename without
// taking the lock (an editor) loses its edit; SIGKILL or a power cut
// during the write can leave a temporary file named .NAME.apilint-*.tmp
// beside its target, never a damaged target.
package rewrite
