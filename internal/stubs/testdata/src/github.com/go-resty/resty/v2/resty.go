// Package resty is a stub of github.com/go-resty/resty/v2 for analyzer
// tests: the types and methods apilint's tables name.
package resty

import (
	"context"
	"net/http"
	"time"
)

type Client struct{}

func New() *Client                                   { return &Client{} }
func (c *Client) SetTimeout(d time.Duration) *Client { return c }
func (c *Client) R() *Request                        { return &Request{} }

type Request struct{}

type Response struct{ RawResponse *http.Response }

func (r *Request) SetContext(ctx context.Context) *Request  { return r }
func (r *Request) SetBody(body interface{}) *Request        { return r }
func (r *Request) SetResult(res interface{}) *Request       { return r }
func (r *Request) Get(url string) (*Response, error)        { return nil, nil }
func (r *Request) Head(url string) (*Response, error)       { return nil, nil }
func (r *Request) Post(url string) (*Response, error)       { return nil, nil }
func (r *Request) Put(url string) (*Response, error)        { return nil, nil }
func (r *Request) Patch(url string) (*Response, error)      { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)     { return nil, nil }
func (r *Request) Options(url string) (*Response, error)    { return nil, nil }
func (r *Request) Send() (*Response, error)                 { return nil, nil }
func (r *Request) Execute(m, url string) (*Response, error) { return nil, nil }
