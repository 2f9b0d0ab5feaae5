package strictapi

import (
	"context"
	"os/exec"
	"time"
)

type Impl struct{}

func (i *Impl) Refresh(ctx context.Context, request RefreshRequestObject) (RefreshResponseObject, error) {
	exec.CommandContext(ctx, "refresh-lists").Run() // want `request handler Impl.Refresh runs an external command`
	return nil, nil
}

func (i *Impl) Lists(ctx context.Context, request RefreshRequestObject) (RefreshResponseObject, error) {
	return nil, nil
}

// Not a method of the interface: a helper the implementation may call
// from elsewhere, not a handler.
func (i *Impl) Warm() {
	time.Sleep(time.Second)
}
