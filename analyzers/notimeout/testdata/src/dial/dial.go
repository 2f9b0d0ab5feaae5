package dial

import (
	"net"
	"time"
)

func connect(addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net.Dial has no timeout`
}

// Look-alikes: bounded dials.

func connectTimeout(addr string) (net.Conn, error) {
	return net.DialTimeout("tcp", addr, time.Second)
}

func connectDialer(addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: time.Second}
	return d.Dial("tcp", addr)
}
