package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// outsideModule explains a load failure in a directory that belongs to no
// module. For "." the driver says so itself, but for a pattern such as
// ./... the go command answers with a package error of its own words
// ("directory prefix . does not contain main module"), which does not say
// what to do. The go command is asked only after a failure, so a run that
// loads pays nothing for it. Any other error is returned as it is.
func outsideModule(dir string, err error) error {
	if dir == "" {
		dir = "."
	}
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir = dir
	out, goErr := cmd.Output()
	// GOMOD is os.DevNull in module mode with no go.mod; "" in GOPATH
	// mode, where the go command's own error is the one to show.
	if goErr != nil || strings.TrimSpace(string(out)) != os.DevNull {
		return err
	}
	abs, absErr := filepath.Abs(dir)
	if absErr != nil {
		abs = dir
	}
	return fmt.Errorf("%s is not inside a Go module (no go.mod here or above): run apilint in a module, or name one with -C DIR", abs)
}
