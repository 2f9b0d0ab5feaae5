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
	"io"
	"os"

	"github.com/apilint/apilint/analyzers"
)

func main() {
	os.Exit(run(analyzers.All(), os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command for the rules given: the vet tool protocol
// when go vet invokes it, the cobra commands otherwise. Tests run it
// with other rules.
func run(rules []analyzers.Rule, args []string, stdout, stderr io.Writer) int {
	switch mode := vetMode(args); mode {
	case vetVersionQuery:
		return vetVersion(args, stdout, stderr)
	case vetFlagsQuery, vetPackage:
		return vetMain(rules, mode, args, stderr) // does not return on success
	}
	root := newRoot(rules, stdout, stderr)
	root.SetArgs(args)
	return exitFor(root.Execute(), stderr)
}
