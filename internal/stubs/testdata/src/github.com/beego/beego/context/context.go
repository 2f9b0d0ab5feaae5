// Package context is a stub of github.com/beego/beego/context (v1.12):
// the request context, without its input and output helpers' fields.
package context

import "net/http"

type BeegoInput struct{}

func (input *BeegoInput) Query(key string) string { return "" }

type BeegoOutput struct{}

func (output *BeegoOutput) JSON(data interface{}, hasIndent bool, encoding bool) error {
	return nil
}

type Response struct {
	http.ResponseWriter
	Started bool
	Status  int
}

type Context struct {
	Input          *BeegoInput
	Output         *BeegoOutput
	Request        *http.Request
	ResponseWriter *Response
}
