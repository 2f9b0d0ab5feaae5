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
	mustEmbedUnimplementedOrdersServer()
}

type UnimplementedOrdersServer struct{}

func (UnimplementedOrdersServer) ListOrders(context.Context, *ListOrdersRequest) (*ListOrdersResponse, error) {
	return nil, nil
}
func (UnimplementedOrdersServer) mustEmbedUnimplementedOrdersServer() {}
