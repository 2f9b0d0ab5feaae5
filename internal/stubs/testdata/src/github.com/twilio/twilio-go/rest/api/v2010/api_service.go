// Package openapi is a stub of github.com/twilio/twilio-go/rest/api/v2010
// (v1.13): the operations the apis tables name, without the client
// plumbing and the resources' fields.
package openapi

type ApiService struct{}

type CreateMessageParams struct{}

func (params *CreateMessageParams) SetTo(To string) *CreateMessageParams     { return params }
func (params *CreateMessageParams) SetFrom(From string) *CreateMessageParams { return params }
func (params *CreateMessageParams) SetBody(Body string) *CreateMessageParams { return params }

type CreateCallParams struct{}

func (params *CreateCallParams) SetTo(To string) *CreateCallParams     { return params }
func (params *CreateCallParams) SetFrom(From string) *CreateCallParams { return params }
func (params *CreateCallParams) SetUrl(Url string) *CreateCallParams   { return params }

type ApiV2010Message struct{}
type ApiV2010Call struct{}

func (c *ApiService) CreateMessage(params *CreateMessageParams) (*ApiV2010Message, error) {
	return nil, nil
}
func (c *ApiService) CreateCall(params *CreateCallParams) (*ApiV2010Call, error) {
	return nil, nil
}
