// Package orms uses the ORMs real services use beside database/sql:
// xorm, gorm v1 and ozzo-dbx, known by type.
package orms

import (
	dbx "github.com/go-ozzo/ozzo-dbx"
	"github.com/jinzhu/gorm"
	"xorm.io/xorm"
)

type User struct{ ID int64 }

type Post struct {
	ID     int64
	UserID int64
}

func xormUsers(e *xorm.Engine, posts []Post) {
	for _, p := range posts {
		var u User
		e.Where("id = ?", p.UserID).Get(&u) // want `N\+1: \(\*xorm.Session\).Get runs once per element of posts`
	}
}

func gormUsers(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var u User
		db.First(&u, p.UserID) // want `N\+1: \(\*gorm.DB\).First runs once per element of posts`
	}
}

func dbxUsers(db *dbx.DB, posts []Post) {
	for _, p := range posts {
		var u User
		db.Select("id").From("users").Where(p.UserID).One(&u) // want `N\+1: \(\*dbx.SelectQuery\).One runs once per element of posts`
	}
}
