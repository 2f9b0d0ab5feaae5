//go:build !unix

package contract

import "errors"

func mkfifo(string) error { return errors.New("not supported") }
