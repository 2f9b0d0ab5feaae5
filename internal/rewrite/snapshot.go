package rewrite

import (
	"crypto/sha256"
	"path/filepath"
)

// Snapshot holds the sha256 of each file's content as it was analysed,
// keyed by absolute path. Suggested fixes carry byte offsets into that
// content; Apply compares each file with its hash before editing it, so
// that a file edited since (by the user, or by another apilint --fix)
// never receives edits at stale offsets.
type Snapshot map[string][32]byte

// Hash returns the hash a Snapshot records for content.
func Hash(content []byte) [32]byte {
	return sha256.Sum256(content)
}

// Record notes that the file at path had content when it was analysed.
func (s Snapshot) Record(path string, content []byte) {
	s[filepath.Clean(path)] = Hash(content)
}

// normalized returns s keyed by cleaned paths. A file recorded under
// two spellings with different hashes maps to ok=false, so that which
// hash counts never depends on map order.
func (s Snapshot) normalized() map[string]snapshotEntry {
	out := make(map[string]snapshotEntry, len(s))
	for p, h := range s {
		p = filepath.Clean(p)
		if prev, seen := out[p]; seen && (!prev.ok || prev.hash != h) {
			out[p] = snapshotEntry{}
			continue
		}
		out[p] = snapshotEntry{hash: h, ok: true}
	}
	return out
}

// snapshotEntry is a file's recorded hash; ok is false when the snapshot
// is ambiguous about it.
type snapshotEntry struct {
	hash [32]byte
	ok   bool
}
