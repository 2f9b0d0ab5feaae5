// Package orms uses the ORMs real services use beside database/sql:
// xorm, gorm v1, ozzo-dbx and beego's ORM, known by type.
package orms

import (
	"fmt"

	beego "github.com/astaxie/beego/orm"
	"github.com/beego/beego/v2/client/orm"
	dbx "github.com/go-ozzo/ozzo-dbx"
	"github.com/jinzhu/gorm"
	pbdbx "github.com/pocketbase/dbx"
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

// pocketbase's fork of ozzo-dbx, known by type too.
func pbUsers(db *pbdbx.DB, posts []Post) {
	for _, p := range posts {
		var u User
		db.Select("id").From("users").Where(p.UserID).One(&u) // want `N\+1: \(\*dbx.SelectQuery\).One runs once per element of posts`
	}
}

// Look-alikes: a schema change runs one statement per column or index,
// through the builder or as DDL text.
func addColumns(db *pbdbx.DB, table string, cols []string) {
	for _, c := range cols {
		db.AddColumn(table, c, "TEXT").Execute()
	}
	for _, c := range cols {
		db.NewQuery(fmt.Sprintf("CREATE INDEX idx_%s ON %s (%s)", c, table, c)).Execute()
	}
}

// Look-alike: table maintenance, one statement per partition.
func vacuumPartitions(db *pbdbx.DB, partitions []string) {
	for _, p := range partitions {
		db.NewQuery(fmt.Sprintf("VACUUM ANALYZE %s", p)).Execute()
	}
}

// The same builder's data statements are still per element.
func touchAll(db *pbdbx.DB, posts []Post) {
	for _, p := range posts {
		db.NewQuery(fmt.Sprintf("UPDATE posts SET seen = 1 WHERE id = %d", p.ID)).Execute() // want `N\+1 write`
	}
}

// beego's ORM: an Ormer reads one model, a QuerySeter runs at All or One.
func beegoUsers(o orm.Ormer, posts []Post) {
	for _, p := range posts {
		u := User{ID: p.UserID}
		o.Read(&u) // want `N\+1: \(orm.DQL\).Read runs once per element of posts`
	}
	for _, p := range posts {
		var u User
		o.QueryTable("user").Filter("id", p.UserID).One(&u) // want `N\+1: \(orm.QuerySeter\).One runs once per element of posts`
	}
}

// Look-alike: the ids of every post, read in one query before the loop.
func beegoUsersBatched(o orm.Ormer, posts []Post) map[int64]User {
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.UserID)
	}
	var users []User
	o.QueryTable("user").Filter("id__in", ids).All(&users)
	byID := make(map[int64]User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID
}

// v1's Ormer, known by type too.
func beegoV1Users(o beego.Ormer, posts []Post) {
	for _, p := range posts {
		u := User{ID: p.UserID}
		o.Read(&u) // want `N\+1: \(orm.Ormer\).Read runs once per element of posts`
	}
}
