package lists

// The handlers a real service would register in a route table this test
// leaves out: named here, they are in use. A package that registers
// routes and never names an unexported handler has dead code, which is
// not reported.
var _ = []any{
	(*API).byStatus,
	(*API).filteredByDecoder,
	(*API).pagedByDecoder,
	(*API).ginAll,
	(*API).listAll,
	(*API).nearby,
	(*API).ordersExport,
	(*API).ordersScoped,
	(*API).pairs,
	(*API).uncappedDirect,
	(*Server).converted,
	(*Server).firstOrder,
	(*Server).restOfOrders,
	(*Server).uncapped,
}
