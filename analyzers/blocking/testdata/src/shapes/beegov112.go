package shapes

import (
	"net/smtp"

	"github.com/beego/beego"
)

// beego v1.12 under its own module path (github.com/beego/beego, between
// astaxie's and v2; casibase): the same controllers.
type StoreController struct {
	beego.Controller
}

func (c *StoreController) InviteMember() {
	smtp.SendMail("mail:25", nil, "a@b", []string{"c@d"}, nil) // want `request handler StoreController.InviteMember sends mail synchronously`
}

// Look-alike: takes an argument, so the router cannot call it.
func (c *StoreController) invite(to string) {
	smtp.SendMail("mail:25", nil, "a@b", []string{to}, nil)
}

func beegoV112Routes() {
	beego.Router("/api/invite-member", &StoreController{}, "POST:InviteMember")
}
