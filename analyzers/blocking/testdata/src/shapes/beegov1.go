package shapes

import (
	"net/smtp"

	"github.com/astaxie/beego"
)

// A beego v1 controller (github.com/astaxie/beego): the same model as
// v2's.
type ReplyController struct {
	beego.Controller
}

func (c *ReplyController) AddReply() {
	smtp.SendMail("mail:25", nil, "a@b", []string{"c@d"}, nil) // want `request handler ReplyController.AddReply sends mail synchronously`
}

func (c *ReplyController) Prepare() {
	smtp.SendMail("mail:25", nil, "a@b", []string{"audit@d"}, nil)
}

// Look-alike: takes an argument, so the router cannot call it.
func (c *ReplyController) notify(to string) {
	smtp.SendMail("mail:25", nil, "a@b", []string{to}, nil)
}

func beegoV1Routes() {
	beego.Router("/api/add-reply", &ReplyController{}, "POST:AddReply")
}
