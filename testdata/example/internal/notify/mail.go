// Package notify tells customers about their orders.
package notify

import (
	"fmt"
	"net/smtp"
)

// Mailer sends mail through an SMTP relay.
type Mailer struct {
	Addr string
	From string
}

// OrderConfirmation mails a confirmation for an order.
func (m *Mailer) OrderConfirmation(to string, orderID int64) error {
	body := fmt.Sprintf("Subject: Order %d\r\n\r\nThanks for your order.\r\n", orderID)
	return smtp.SendMail(m.Addr, nil, m.From, []string{to}, []byte(body))
}
