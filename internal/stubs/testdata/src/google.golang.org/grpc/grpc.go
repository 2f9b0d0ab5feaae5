// Package grpc is a stub of google.golang.org/grpc.
package grpc

type Server struct{}
type ServiceRegistrar interface{}

func NewServer() *Server { return &Server{} }

// ServerStream is the server side of a streaming RPC.
type ServerStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
}

// ServerStreamingServer is the server side of a server-streaming RPC in
// code generated since protoc-gen-go-grpc 1.4.
type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}
