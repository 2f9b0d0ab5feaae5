// Command apilint finds the structural mistakes that make an API fall
// over at scale: N+1 queries, calls and servers with no timeout,
// unbounded list endpoints and request bodies, slow work inside request
// handlers, and breaking or badly deprecated API contract changes.
//
// Run it on packages (apilint ./...), as a vet tool
// (go vet -vettool=$(which apilint) ./...), or on two versions of an
// OpenAPI contract (apilint contract diff BASE REVISION).
package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/driver"
)

func main() {
	all := analyzers.WithShared()
	driver.Guard(all)
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		if err := vetVersion(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "apilint: "+err.Error())
			os.Exit(1)
		}
		os.Exit(0)
	}
	if invokedByVet(os.Args[1:]) {
		tuneVetGC()
		if err := vetConfig(os.Args[1:], all); err != nil {
			fmt.Fprintln(os.Stderr, "apilint: "+err.Error())
			os.Exit(1)
		}
		unitchecker.Main(all...) // does not return
	}
	os.Exit(execute(os.Args[1:]))
}

// invokedByVet reports whether go vet runs us as its vet tool: it asks
// for -V=full and -flags, then passes a JSON config file named *.cfg.
func invokedByVet(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || (strings.HasSuffix(a, ".cfg") && !strings.HasPrefix(a, "-")) {
			return true
		}
	}
	return false
}
