package dial

import (
	"fmt"
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

// Look-alikes: a dial to this machine fails or succeeds at once.
func portFree(port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return true
	}
	conn.Close()
	return false
}

func localAgent(port string) (net.Conn, error) {
	return net.Dial("tcp", "localhost:"+port)
}

// A host that is not loopback: reported.
func remoteAgent(port int) (net.Conn, error) {
	return net.Dial("tcp", fmt.Sprintf("agent.internal:%d", port)) // want `net.Dial has no timeout`
}

// Look-alike: a Unix domain socket is a file on this machine.
func socket(path string) (net.Conn, error) {
	return net.Dial("unix", path)
}
