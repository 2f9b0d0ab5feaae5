package a

import (
	"context"
	"testing"
)

// Tests may loop over queries: nothing here is reported.
func TestLoop(t *testing.T) {
	s := &Store{}
	for _, id := range []int64{1, 2, 3} {
		s.GetUser(context.Background(), id)
	}
}
