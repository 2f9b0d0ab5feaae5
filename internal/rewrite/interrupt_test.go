package rewrite

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// pending returns interrupts that have not asked the operating system
// for anything: a test delivers a signal by sending on ch, at the exact
// point it wants, which a real signal cannot promise.
func pending() *interrupts {
	return &interrupts{ch: make(chan os.Signal, 1)}
}

func TestInterruptBetweenRenames(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc, "c.go": mainSrc})
	a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go"), filepath.Join(dir, "c.go")
	in := pending()
	opts := Options{LockDir: dir, OnWrite: func(p string) {
		if p == a {
			in.ch <- syscall.SIGTERM
		}
	}}
	fixes, _ := normalize([]Fix{
		rename(1, a),
		rename(2, b),
		{ID: 3, Edits: []Edit{ed(a, 0, 0, "// a\n"), ed(c, 0, 0, "// c\n")}},
	})
	res, err := apply(fixes, snap, opts, in)
	var inc *IncompleteError
	if !errors.As(err, &inc) || !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Apply interrupted: %v", err)
	}
	if !reflect.DeepEqual(inc.Changed, []string{a}) || !reflect.DeepEqual(inc.NotChanged, []string{b, c}) {
		t.Errorf("error says changed %v, not changed %v", inc.Changed, inc.NotChanged)
	}
	wantErr := "interrupted by SIGTERM: changed 1 file (" + a + "); left 2 files (" + b + ", " + c + ") as they were"
	if err.Error() != wantErr {
		t.Errorf("error %q, want %q", err, wantErr)
	}
	want := &Result{
		Applied: []int{1},
		Skipped: map[int]string{
			2: "not applied: interrupted by SIGTERM",
			3: "partly applied (changed " + a + "; not " + c + "): interrupted by SIGTERM",
		},
		Written: []string{a},
		Unchanged: map[string]string{
			b: "not changed: interrupted by SIGTERM",
			c: "not changed: interrupted by SIGTERM",
		},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("Result %+v, want %+v", res, want)
	}
	if got := readFile(t, a); got != "// a\n"+fixedG {
		t.Errorf("%s = %q", a, got)
	}
	for _, p := range []string{b, c} {
		if got := readFile(t, p); got != mainSrc {
			t.Errorf("%s changed after the signal: %q", p, got)
		}
	}
	noLeftovers(t, dir)
}

func TestInterruptBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	in := pending()
	// The signal arrives while the last file is formatted, after every
	// check: Apply has its plan and must still not write.
	opts := Options{LockDir: dir, Format: func(p string, src []byte) ([]byte, error) {
		if p == b {
			in.ch <- os.Interrupt
		}
		return gofmt(p, src)
	}}
	fixes, _ := normalize([]Fix{rename(1, a), rename(2, b)})
	res, err := apply(fixes, snap, opts, in)
	if !errors.Is(err, ErrInterrupted) || !strings.HasSuffix(err.Error(), "no file was changed; left 2 files ("+a+", "+b+") as they were") {
		t.Errorf("error %v", err)
	}
	if len(res.Written) != 0 || len(res.Applied) != 0 || len(res.Skipped) != 2 || len(res.Unchanged) != 2 {
		t.Errorf("Result %+v", res)
	}
	for _, p := range []string{a, b} {
		if got := readFile(t, p); got != mainSrc {
			t.Errorf("%s changed: %q", p, got)
		}
	}
	noLeftovers(t, dir)
}

func TestInterruptWhileChecking(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	in := pending()
	in.ch <- os.Interrupt
	fixes, _ := normalize([]Fix{rename(1, a)})
	res, err := apply(fixes, snap, Options{LockDir: dir}, in)
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("error %v", err)
	}
	if res.Skipped[1] != "not applied: interrupted by SIGINT before writing" || len(res.Written) != 0 {
		t.Errorf("Result %+v", res)
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("%s changed: %q", a, got)
	}
}
