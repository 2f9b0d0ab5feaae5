// Command floor loads packages as apilint's standalone driver loads them
// (go list, then syntax and types for every package of the module, the
// rest from export data) and does nothing else. bench/scale runs it on the
// same modules as apilint: its CPU time and memory are the floor that
// loading with go/packages and go/types sets before any analyzer runs.
//
//	floor [packages]
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	patterns := os.Args[1:]
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
		packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	files := 0
	for _, p := range pkgs {
		files += len(p.Syntax)
	}
	fmt.Println(len(pkgs), "packages,", files, "files")
}
