package rpcsvc

import (
	"context"
	"time"

	"google.golang.org/grpc"

	"shoppb"
)

type Orders struct {
	shoppb.UnimplementedOrdersServer
}

func (o *Orders) ListOrders(ctx context.Context, req *shoppb.ListOrdersRequest) (*shoppb.ListOrdersResponse, error) {
	time.Sleep(time.Second) // want `request handler Orders.ListOrders sleeps`
	return nil, nil
}

// Look-alikes: streaming methods wait by design (a server stream sends
// as events come, pacing itself); they are not request/response
// handlers.

func (o *Orders) WatchOrders(req *shoppb.WatchOrdersRequest, stream shoppb.Orders_WatchOrdersServer) error {
	for {
		time.Sleep(time.Second)
		if err := stream.Send(&shoppb.Order{}); err != nil {
			return err
		}
	}
}

func (o *Orders) TailOrders(req *shoppb.WatchOrdersRequest, stream grpc.ServerStreamingServer[shoppb.Order]) error {
	time.Sleep(time.Second)
	return stream.Send(&shoppb.Order{})
}
