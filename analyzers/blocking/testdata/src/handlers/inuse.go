package handlers

// The handlers a real service would register in a route table this test
// leaves out: named here, they are in use. A package that registers
// routes and never names an unexported handler has dead code, which is
// not reported.
var _ = []any{
	slowAnswer,
	roomCreator,
	roomMember,
	throttled,
	notifyAll,
	probeSerial,
	probeSerialFix,
	(*hooks).publish,
	fanoutWaited,
	ginMail,
	group,
	page,
	rebuildSite,
	reindex,
	retryInline,
	signup,
	slow,
	thumbnail,
	waitAfter,
	invite,
}
