// Package api serves the shop's HTTP API.
package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/shop/internal/notify"
	"example.com/shop/internal/payments"
	"example.com/shop/internal/store"
)

// Server holds the handlers' dependencies.
type Server struct {
	DB       *sql.DB
	Store    store.Store
	Mailer   *notify.Mailer
	Payments *payments.Client
}

// Routes registers the handlers.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/orders", s.listOrders)
	mux.HandleFunc("GET /v1/orders/recent", s.recentOrders)
	mux.HandleFunc("POST /v1/orders", s.createOrder)
	mux.HandleFunc("GET /v1/users/{id}", s.getUser)
	mux.HandleFunc("DELETE /v1/orders/{id}", s.cancelOrder)
	mux.HandleFunc("GET /healthz", s.healthz)
}

type orderView struct {
	ID       int64  `json:"id"`
	Total    int64  `json:"total"`
	Customer string `json:"customer"`
}

// listOrders returns every order with its customer's name.
func (s *Server) listOrders(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	orders, err := s.Store.ListOrders(ctx)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	out := make([]orderView, 0, len(orders))
	for _, o := range orders {
		u, err := s.Store.GetUser(ctx, o.UserID)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out = append(out, orderView{ID: o.ID, Total: o.Total, Customer: u.Name})
	}
	json.NewEncoder(w).Encode(out)
}

// recentOrders does it right: a bounded page, and one query for the users.
func (s *Server) recentOrders(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 20
	}
	limit = min(limit, 100)
	orders, err := s.Store.RecentOrders(r.Context(), limit)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.UserID)
	}
	users, err := s.Store.UsersByID(r.Context(), ids)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	out := make([]orderView, 0, len(orders))
	for _, o := range orders {
		out = append(out, orderView{ID: o.ID, Total: o.Total, Customer: users[o.UserID].Name})
	}
	json.NewEncoder(w).Encode(out)
}

type createOrderRequest struct {
	UserID int64 `json:"user_id"`
	Total  int64 `json:"total"`
}

// createOrder charges the customer, stores the order and mails a confirmation.
func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	var req createOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := s.Payments.Charge(context.Background(), req.UserID, req.Total); err != nil {
		http.Error(w, err.Error(), http.StatusPaymentRequired)
		return
	}
	id, err := s.Store.CreateOrder(r.Context(), store.Order{UserID: req.UserID, Total: req.Total})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	u, err := s.Store.GetUser(r.Context(), req.UserID)
	if err == nil {
		s.Mailer.OrderConfirmation(u.Email, id)
	}
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]int64{"id": id})
}

// getUser returns one user.
func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	u, err := s.Store.GetUser(r.Context(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(u)
}

// cancelOrder cancels an order.
func (s *Server) cancelOrder(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	if err := s.Store.CancelOrder(r.Context(), id); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// healthz reports whether the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.DB.PingContext(context.Background()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
