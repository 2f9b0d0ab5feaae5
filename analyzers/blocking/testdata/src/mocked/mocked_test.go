package mocked

import (
	"testing"
	"time"
)

type slowPayments struct{}

func (slowPayments) Charge(id string) error {
	time.Sleep(2 * time.Second)
	return nil
}

func TestCharge(t *testing.T) {
	_ = &Server{pay: slowPayments{}}
}
