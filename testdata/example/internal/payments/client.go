// Package payments calls the payment provider.
package payments

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Client talks to the payment provider's API.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// New returns a client for the provider at baseURL.
func New(baseURL string) *Client {
	return &Client{BaseURL: baseURL, HTTP: &http.Client{}}
}

// Charge charges a customer.
func (c *Client) Charge(ctx context.Context, userID, amount int64) error {
	body := fmt.Sprintf(`{"user":%d,"amount":%d}`, userID, amount)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/charges", strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("charge: %s", resp.Status)
	}
	return nil
}

// Rates fetches exchange rates.
func Rates(base string) (map[string]float64, error) {
	resp, err := http.Get("https://rates.example.com/latest?base=" + base)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]float64
	return out, json.NewDecoder(resp.Body).Decode(&out)
}
