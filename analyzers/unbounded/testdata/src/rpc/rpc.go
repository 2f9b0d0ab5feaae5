package rpc

import (
	"context"
	"database/sql"

	"shoppb"
)

type Orders struct {
	shoppb.UnimplementedOrdersServer
	db *sql.DB
}

// A gRPC service method is a request handler.
func (o *Orders) ListOrders(ctx context.Context, req *shoppb.ListOrdersRequest) (*shoppb.ListOrdersResponse, error) {
	rows, err := o.db.QueryContext(ctx, "SELECT id FROM orders") // want `list endpoint Orders.ListOrders returns every row`
	if err != nil {
		return nil, err
	}
	resp := &shoppb.ListOrdersResponse{}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		_ = id
	}
	return resp, rows.Err()
}

// Not part of the service.
func (o *Orders) Export(ctx context.Context) {
	o.db.QueryContext(ctx, "SELECT id FROM orders")
}
