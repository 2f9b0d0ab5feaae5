// Command shop serves the shop API.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/shop/internal/api"
	"example.com/shop/internal/notify"
	"example.com/shop/internal/payments"
	"example.com/shop/internal/store"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	pg := &store.PG{DB: db}
	if err := pg.Ping(); err != nil {
		log.Fatal(err)
	}
	srv := &api.Server{
		DB:       db,
		Store:    pg,
		Mailer:   &notify.Mailer{Addr: "smtp.example.com:587", From: "shop@example.com"},
		Payments: payments.New("https://payments.example.com"),
	}
	go refreshRates()
	mux := http.NewServeMux()
	srv.Routes(mux)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
