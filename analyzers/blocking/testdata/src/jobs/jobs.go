// Package jobs runs in the background: nothing here is on a request path.
package jobs

import (
	"context"
	"net/smtp"
	"time"
)

func Worker(ctx context.Context, queue <-chan string) {
	for to := range queue {
		smtp.SendMail("smtp.example.com:587", nil, "a@example.com", []string{to}, nil)
		time.Sleep(100 * time.Millisecond)
	}
}

func main() {
	time.Sleep(time.Second)
}
