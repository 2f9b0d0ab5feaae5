// Package shoppb looks like protoc-gen-go-grpc output.
package shoppb

import (
	"context"

	"google.golang.org/grpc"
)

var _ grpc.ServiceRegistrar

type ListOrdersRequest struct{ PageSize int32 }
type ListOrdersResponse struct{}

type OrdersServer interface {
	ListOrders(context.Context, *ListOrdersRequest) (*ListOrdersResponse, error)
	WatchOrders(*WatchOrdersRequest, Orders_WatchOrdersServer) error
	TailOrders(*WatchOrdersRequest, grpc.ServerStreamingServer[Order]) error
	mustEmbedUnimplementedOrdersServer()
}

type WatchOrdersRequest struct{}
type Order struct{}

// Orders_WatchOrdersServer is the stream of a server-streaming method as
// older protoc-gen-go-grpc versions write it.
type Orders_WatchOrdersServer interface {
	Send(*Order) error
	grpc.ServerStream
}

type UnimplementedOrdersServer struct{}

func (UnimplementedOrdersServer) WatchOrders(*WatchOrdersRequest, Orders_WatchOrdersServer) error {
	return nil
}
func (UnimplementedOrdersServer) TailOrders(*WatchOrdersRequest, grpc.ServerStreamingServer[Order]) error {
	return nil
}

func (UnimplementedOrdersServer) ListOrders(context.Context, *ListOrdersRequest) (*ListOrdersResponse, error) {
	return nil, nil
}
func (UnimplementedOrdersServer) mustEmbedUnimplementedOrdersServer() {}
