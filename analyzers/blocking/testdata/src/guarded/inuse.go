package guarded

// The handlers a real service would register in a route table this test
// leaves out: named here, they are in use. A package that registers
// routes and never names an unexported handler has dead code, which is
// not reported.
var _ = []any{
	decideFromVar,
	decideFromChangedVar,
	decideFromBoundVar,
	confirm,
	confirmEarly,
	decide,
	decideBy,
	decideWith,
	resolveProbing,
	slowMode,
}
