package orm

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"entgen"

	"github.com/Masterminds/squirrel"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/gorm"
)

type User struct{ ID int64 }

type API struct {
	gdb  *gorm.DB
	coll *mongo.Collection
	ent  *entgen.Client
	sq   squirrel.RunWith
}

func (a *API) gormAll(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Where("active = ?", true).Find(&users) // want `list endpoint API.gormAll returns every row: \(\*gorm.DB\).Find runs a many-row read \(no Limit in the query chain\)`
	json.NewEncoder(w).Encode(users)
}

// Look-alike: the rows are those of the tags the request names.
func (a *API) gormByList(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Where("active = ?", true).Where("name IN (?)", r.URL.Query()["name"]).Find(&users)
	json.NewEncoder(w).Encode(users)
}

// The same chain with a condition that does not bound the rows.
func (a *API) gormByPattern(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Where("name LIKE ?", r.URL.Query().Get("q")+"%").Find(&users) // want `list endpoint API.gormByPattern returns every row`
	json.NewEncoder(w).Encode(users)
}

func (a *API) gormLimited(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Where("active = ?", true).Limit(50).Find(&users)
}

func (a *API) gormVar(w http.ResponseWriter, r *http.Request) {
	var users []User
	q := a.gdb.Model(&User{})
	q = q.Where("active = ?", true)
	q = q.Limit(20)
	q.Find(&users)
}

func paginate(r *http.Request) func(*gorm.DB) *gorm.DB { return nil }

func (a *API) gormScopes(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Scopes(paginate(r)).Find(&users)
}

// Raw SQL decides: LIMIT in the text bounds the read, through gorm's Raw
// or a wrapper of the service's own (cocoon's db.Raw(ctx, sql, ...)).
type store struct{ g *gorm.DB }

func (s *store) Raw(ctx context.Context, sql string, args ...any) *gorm.DB {
	return s.g.WithContext(ctx).Raw(sql, args...)
}

func (a *API) gormRawLimited(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Raw("SELECT * FROM users WHERE active = ? LIMIT 500", true).Scan(&users)
	st := &store{g: a.gdb}
	st.Raw(r.Context(), "SELECT * FROM users ORDER BY id LIMIT 100").Scan(&users)
	json.NewEncoder(w).Encode(users)
}

func (a *API) gormRawAll(w http.ResponseWriter, r *http.Request) {
	var users []User
	a.gdb.Raw("SELECT * FROM users WHERE active = ?", true).Scan(&users) // want `list endpoint API.gormRawAll returns every row`
	json.NewEncoder(w).Encode(users)
}

// Look-alike: Find into one struct.
func (a *API) gormOne(w http.ResponseWriter, r *http.Request) {
	var u User
	a.gdb.Where("id = ?", 1).Find(&u)
}

func (a *API) mongoAll(w http.ResponseWriter, r *http.Request) {
	cur, _ := a.coll.Find(r.Context(), bson.M{}) // want `list endpoint API.mongoAll returns every row: \(\*mongo.Collection\).Find runs a many-row read \(no options.Find\(\).SetLimit\)`
	var docs []bson.M
	cur.All(r.Context(), &docs)
	json.NewEncoder(w).Encode(docs)
}

func (a *API) mongoLimited(w http.ResponseWriter, r *http.Request) {
	a.coll.Find(r.Context(), bson.M{}, options.Find().SetLimit(50))
}

func (a *API) entAll(w http.ResponseWriter, r *http.Request) {
	users, _ := a.ent.User.Query().All(r.Context()) // want `list endpoint API.entAll returns every row: \(\*entgen.UserQuery\).All runs`
	json.NewEncoder(w).Encode(users)
}

func (a *API) entLimited(w http.ResponseWriter, r *http.Request) {
	a.ent.User.Query().Limit(100).All(r.Context())
}

func (a *API) squirrelAll(w http.ResponseWriter, r *http.Request) {
	rows, _ := squirrel.Select("id").From("users").RunWith(a.sq).QueryContext(r.Context()) // want `list endpoint API.squirrelAll returns every row`
	json.NewEncoder(w).Encode(rows)
}

func (a *API) squirrelLimited(w http.ResponseWriter, r *http.Request) {
	squirrel.Select("id").From("users").Limit(10).RunWith(a.sq).QueryContext(r.Context())
}

// A chain that starts at a parameter: the caller may have limited it.
func listWith(ctx context.Context, q *gorm.DB) []User {
	var users []User
	q.Find(&users)
	return users
}

func (a *API) delegated(w http.ResponseWriter, r *http.Request) {
	listWith(r.Context(), a.gdb.Limit(10))
}

// A page the repository takes after Find has run: Find reads every row,
// and the Offset and Limit after it bound nothing (next-terminal's
// repositories).
func (a *API) pageAfterFind(page, size int) []User {
	var users []User
	a.gdb.Order("id").Find(&users).Offset((page - 1) * size).Limit(size)
	return users
}

func (a *API) gormLimitAfterFind(w http.ResponseWriter, r *http.Request) {
	users := a.pageAfterFind(1, 50) // want `list endpoint API.gormLimitAfterFind returns every row`
	json.NewEncoder(w).Encode(users)
}

// The page size the client sends never reaches the query either; the
// handler reads a pagination parameter, so it is taken as paginated, and
// nothing says its page size is uncapped.
func (a *API) gormLimitAfterFindSized(w http.ResponseWriter, r *http.Request) {
	size, _ := strconv.Atoi(r.URL.Query().Get("pageSize"))
	users := a.pageAfterFind(1, size)
	json.NewEncoder(w).Encode(users)
}

// Look-alike: the Limit before Find bounds the query.
func (a *API) pageBeforeFind(page, size int) []User {
	var users []User
	a.gdb.Order("id").Offset((page - 1) * size).Limit(size).Find(&users)
	return users
}

func (a *API) gormLimitBeforeFind(w http.ResponseWriter, r *http.Request) {
	users := a.pageBeforeFind(1, 50)
	json.NewEncoder(w).Encode(users)
}
