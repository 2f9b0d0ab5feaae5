package main

import (
	"bytes"
	"path/filepath"
	"testing"
)

// TestVetxRoundTrip checks the vetx layout apilint writes for a package it
// passes on without loading (no types, no facts) and for one whose facts
// travel with types supplied from export data.
func TestVetxRoundTrip(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.vetx")
	if err := writeVetx(empty, nil, nil); err != nil {
		t.Fatal(err)
	}
	typesData, facts, err := readVetx(empty)
	if err != nil || len(typesData) != 0 || len(facts) != 0 {
		t.Fatalf("empty vetx read back as %d bytes of types, %d of facts, %v", len(typesData), len(facts), err)
	}
	full := filepath.Join(dir, "full.vetx")
	if err := writeVetx(full, []byte("TYPES"), []byte("FACTS")); err != nil {
		t.Fatal(err)
	}
	typesData, facts, err = readVetx(full)
	if err != nil || !bytes.Equal(typesData, []byte("iTYPES")) || !bytes.Equal(facts, []byte("FACTS")) {
		t.Fatalf("read back %q, %q, %v", typesData, facts, err)
	}
}

// TestCompiled checks when a package's importers will find its types in
// the compiler's export data: only under gc, and only when go vet named
// the export data of every import (cgo's "C" and unsafe have none).
func TestCompiled(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  vetConfig
		want bool
	}{
		{"every import compiled", vetConfig{Compiler: "gc", ImportMap: map[string]string{"fmt": "fmt", "C": "C", "unsafe": "unsafe"}, PackageFile: map[string]string{"fmt": "/x/fmt.a"}}, true},
		{"an import without export data", vetConfig{Compiler: "gc", ImportMap: map[string]string{"fmt": "fmt", "os": "os"}, PackageFile: map[string]string{"fmt": "/x/fmt.a"}}, false},
		{"another compiler", vetConfig{Compiler: "gccgo", ImportMap: map[string]string{"fmt": "fmt"}, PackageFile: map[string]string{"fmt": "/x/fmt.a"}}, false},
	} {
		if got := compiled(&tc.cfg); got != tc.want {
			t.Errorf("%s: compiled = %v, want %v", tc.name, got, tc.want)
		}
	}
}
