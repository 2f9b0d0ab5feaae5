package rewrite

import "testing"

// FuzzPlan plans fixes decoded from the fuzzer's bytes over two files
// and checks what must hold whatever the fixes: every fix is applied or
// skipped, applied fixes never conflict, and each file's new text is its
// content with exactly the applied fixes' edits, each shared edit once.
func FuzzPlan(f *testing.F) {
	f.Add([]byte{0, 0, 100, 0, 1, 1, 10, 10, 1, 1, 2, 50, 10, 2, 0})
	f.Add([]byte{0, 5, 0, 3, 0, 1, 5, 0, 3, 1, 2, 5, 0, 4, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		files := map[string]string{"/t/a": hundred, "/t/b": hundred[:50]}
		names := []string{"/t/a", "/t/b"}
		texts := []string{"", "x", "yy", "import", "z"}
		var fixes []Fix
		cur := Fix{ID: 0}
		// Each edit takes five bytes: a file, a start, a length, a text,
		// and whether the next edit starts a new fix.
		for ; len(data) >= 5; data = data[5:] {
			start := int(data[1]) - 2 // -2 and -1 are out of range
			cur.Edits = append(cur.Edits, ed(names[data[0]%2], start, start+int(data[2]%12), texts[data[3]%5]))
			if data[4]%2 == 1 {
				fixes = append(fixes, cur)
				cur = Fix{ID: len(fixes)}
			}
		}
		fixes = append(fixes, cur)
		p := planFor(t, files, fixes)
		checkPlan(t, fixes, p)
		applied := make(map[int]bool)
		for _, id := range p.applied {
			applied[id] = true
		}
		got := p.texts()
		for _, name := range names {
			var edits []Edit
			for _, fx := range fixes {
				if !applied[fx.ID] {
					continue
				}
				for _, e := range fx.Edits {
					if e.File == name {
						edits = append(edits, e)
					}
				}
			}
			sortEdits(edits)
			edits = compactEdits(edits)
			want := string(splice([]byte(files[name]), edits))
			text, ok := got[name]
			if !ok {
				text = files[name]
			}
			if text != want {
				t.Errorf("%s: planned %q, want %q", name, text, want)
			}
		}
	})
}
