package main

import (
	"log"
	"time"

	"example.com/shop/internal/payments"
)

// refreshRates fetches the exchange rates prices are shown in, every hour.
func refreshRates() {
	for range time.Tick(time.Hour) {
		if _, err := payments.Rates("EUR"); err != nil {
			log.Printf("exchange rates: %v", err)
		}
	}
}
