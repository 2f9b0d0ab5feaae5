package apis

import "slices"

// Call describes one library function or method that apilint knows.
type Call struct {
	// Pkg is the import path of the package declaring the function or the
	// receiver type.
	Pkg string
	// Recv is the name of the receiver type (pointer or not, struct or
	// interface), or "" for a package-level function.
	Recv string
	// Name is the function or method name. "*" matches every method of Recv
	// that no other entry names.
	Name string
	// Kind says what the call does.
	Kind Kind
	// WithCtx names the variant of this call that takes a context.Context as
	// its first argument ("QueryContext" for Query), for calls that take none.
	WithCtx string
	// CtxTail is appended to the arguments when rewriting to WithCtx
	// ("nil" for Begin → BeginTx(ctx, nil)).
	CtxTail string
	// Generated is set for methods of generated clients (ent).
	Generated bool
	// Note says what a blocking call does, for messages ("sends mail").
	Note string
	// Bound says how a many-row read is bounded (see BoundRules).
	Bound Bound
}

// spec is one row of a receiver's method table.
type spec struct {
	name, withCtx, tail string
	kind                Kind
}

func m(name string, kind Kind) spec { return spec{name: name, kind: kind} }

// noCtx is a method without a context parameter and its context-taking variant.
func noCtx(name string, kind Kind, withCtx string) spec {
	return spec{name: name, kind: kind, withCtx: withCtx}
}

// noCtxTail is noCtx for variants that need a trailing argument (options).
func noCtxTail(name string, kind Kind, withCtx, tail string) spec {
	return spec{name: name, kind: kind, withCtx: withCtx, tail: tail}
}

// on expands a method table for the receivers recvs of package pkg.
func on(pkg string, recvs []string, specs ...spec) []Call {
	var out []Call
	for _, r := range recvs {
		for _, s := range specs {
			out = append(out, Call{Pkg: pkg, Recv: r, Name: s.name, Kind: s.kind, WithCtx: s.withCtx, CtxTail: s.tail})
		}
	}
	return out
}

func recv(names ...string) []string { return names }

// funcs is on for package-level functions.
func funcs(pkg string, specs ...spec) []Call { return on(pkg, recv(""), specs...) }

// has reports whether calls names pkg.recv.name, "*" naming every method
// of Recv.
func has(calls []Call, pkg, recv, name string) bool {
	return slices.ContainsFunc(calls, func(c Call) bool {
		return c.Pkg == pkg && c.Recv == recv && (c.Name == name || c.Name == "*")
	})
}
