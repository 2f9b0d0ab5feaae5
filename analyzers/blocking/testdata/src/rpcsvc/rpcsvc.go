package rpcsvc

import (
	"context"
	"time"

	"shoppb"
)

type Orders struct {
	shoppb.UnimplementedOrdersServer
}

func (o *Orders) ListOrders(ctx context.Context, req *shoppb.ListOrdersRequest) (*shoppb.ListOrdersResponse, error) {
	time.Sleep(time.Second) // want `request handler Orders.ListOrders sleeps`
	return nil, nil
}
