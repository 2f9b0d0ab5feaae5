package handlers

import (
	"net/http/httptest"
	"testing"
	"time"
)

// Tests may sleep: nothing here is reported.
func TestSlow(t *testing.T) {
	time.Sleep(time.Millisecond)
	slow(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}
