package apis

// xorm covers xorm (xorm.io/xorm and its fork github.com/xorm-io/xorm):
// an Engine runs a statement directly, a Session after its builder calls
// (Where, In, Limit...); Find and Rows read many rows, Get and Exist one.
func xorm() []Call {
	var out []Call
	for _, pkg := range []string{"xorm.io/xorm", "github.com/xorm-io/xorm", "github.com/go-xorm/xorm"} {
		out = append(out, on(pkg, recv("Engine", "Session"),
			m("Find", ReadMany),
			m("FindAndCount", ReadMany),
			m("Iterate", ReadMany),
			m("Rows", ReadMany),
			m("Query", ReadMany),
			m("QueryString", ReadMany),
			m("QueryInterface", ReadMany),
			m("Get", ReadOne),
			m("Exist", ReadOne),
			m("Count", ReadOne),
			m("Sum", ReadOne),
			m("Sums", ReadOne),
			m("Insert", Write),
			m("InsertOne", Write),
			m("Update", Write),
			m("Delete", Write),
			m("Exec", Write),
			// The rest builds a statement.
			m("*", None),
		)...)
		out = append(out, on(pkg, recv("Engine"), m("Ping", RoundTrip), m("Transaction", RoundTrip))...)
		out = append(out, on(pkg, recv("Session"), m("Begin", RoundTrip), m("Commit", RoundTrip), m("Rollback", RoundTrip))...)
	}
	return out
}

// gormV1 covers gorm v1 (github.com/jinzhu/gorm), whose calls return the
// *DB they run on.
func gormV1() []Call {
	const pkg = "github.com/jinzhu/gorm"
	out := on(pkg, recv("DB"),
		m("Find", ReadMany),
		m("Scan", ReadMany),
		m("Pluck", ReadMany),
		m("Rows", ReadMany),
		m("Related", ReadMany),
		m("First", ReadOne),
		m("Take", ReadOne),
		m("Last", ReadOne),
		m("Count", ReadOne),
		m("Row", ReadOne),
		m("FirstOrInit", ReadOne),
		m("FirstOrCreate", ReadOne),
		m("Create", Write),
		m("Save", Write),
		m("Update", Write),
		m("Updates", Write),
		m("UpdateColumn", Write),
		m("UpdateColumns", Write),
		m("Delete", Write),
		m("Exec", Write),
		m("Begin", RoundTrip),
		m("Commit", RoundTrip),
		m("Rollback", RoundTrip),
		m("*", None),
	)
	out = append(out, on(pkg, recv("Association"),
		m("Find", ReadMany),
		m("Count", ReadOne),
		m("Append", Write),
		m("Replace", Write),
		m("Delete", Write),
		m("Clear", Write),
	)...)
	return out
}

// ozzoDBX covers ozzo-dbx (github.com/go-ozzo/ozzo-dbx) and its fork
// pocketbase/dbx: a Query or a SelectQuery runs when All, One, Row, Rows,
// Column or Execute is called.
func ozzoDBX() []Call {
	var out []Call
	for _, pkg := range DBXPackages {
		out = append(out, on(pkg, recv("Query", "SelectQuery"),
			m("All", ReadMany),
			m("Rows", ReadMany),
			m("Column", ReadMany),
			m("One", ReadOne),
			m("Row", ReadOne),
			m("*", None),
		)...)
		out = append(out, on(pkg, recv("Query"), m("Execute", Write))...)
		out = append(out, on(pkg, recv("DB"), m("Begin", RoundTrip), m("*", None))...)
		out = append(out, on(pkg, recv("Tx"), m("Commit", RoundTrip), m("Rollback", RoundTrip))...)
	}
	return out
}

// beegoORM covers beego's ORM (github.com/beego/beego/v2/client/orm, and
// v1's github.com/astaxie/beego/orm, github.com/beego/beego/orm from
// v1.12.3 on): an Ormer reads and writes one model
// (Read, Insert, Update...); QueryTable and Raw return builders
// (QuerySeter, RawSeter) that run when All, One, Count, QueryRows... are
// called. v2's Ormer declares its methods in embedded interfaces (DQL,
// DML, TxBeginner), each with a ...WithCtx form; both versions read every
// row unless Limit is called (DefaultRowsLimit is -1).
func beegoORM() []Call {
	const v1, v2 = "github.com/astaxie/beego/orm", "github.com/beego/beego/v2/client/orm"
	withCtx := func(specs ...spec) []spec {
		for _, s := range specs[:len(specs):len(specs)] {
			specs = append(specs, m(s.name+"WithCtx", s.kind))
		}
		return specs
	}
	dql := []spec{m("Read", ReadOne), m("ReadForUpdate", ReadOne), m("ReadOrCreate", ReadOne), m("LoadRelated", ReadMany)}
	dml := []spec{m("Insert", Write), m("InsertOrUpdate", Write), m("InsertMulti", Write), m("Update", Write), m("Delete", Write)}
	seter := []spec{m("All", ReadMany), m("Values", ReadMany), m("ValuesList", ReadMany), m("ValuesFlat", ReadMany),
		m("One", ReadOne), m("Count", ReadOne), m("Exist", ReadOne), m("Update", Write), m("Delete", Write)}
	m2m := []spec{m("Add", Write), m("Remove", Write), m("Clear", Write), m("Exist", ReadOne), m("Count", ReadOne)}
	raw := []spec{m("QueryRows", ReadMany), m("Values", ReadMany), m("ValuesList", ReadMany), m("ValuesFlat", ReadMany),
		m("RowsToMap", ReadMany), m("RowsToStruct", ReadMany), m("QueryRow", ReadOne), m("Exec", Write), m("*", None)}
	rows := []spec{m("RowsToMap", ReadMany), m("RowsToStruct", ReadMany), m("*", None)}
	tx := []spec{m("Begin", RoundTrip), m("BeginWithCtx", RoundTrip), m("BeginWithOpts", RoundTrip), m("BeginWithCtxAndOpts", RoundTrip)}
	ender := []spec{m("Commit", RoundTrip), m("Rollback", RoundTrip), m("RollbackUnlessCommit", RoundTrip)}

	var out []Call
	for _, v1 := range []string{v1, beegoV1 + "/orm"} {
		out = append(out, on(v1, recv("Ormer"), append(append(append(dql[:len(dql):len(dql)], dml...), m("Begin", RoundTrip), m("BeginTx", RoundTrip),
			m("Commit", RoundTrip), m("Rollback", RoundTrip)), m("*", None))...)...)
		out = append(out, on(v1, recv("QuerySeter"), append(seter[:len(seter):len(seter)], rows...)...)...)
		out = append(out, on(v1, recv("QueryM2Mer"), append(m2m[:len(m2m):len(m2m)], m("*", None))...)...)
		out = append(out, on(v1, recv("RawSeter"), raw...)...)
	}

	out = append(out, on(v2, recv("Ormer", "TxOrmer", "QueryExecutor", "DQL"), append(withCtx(dql...), m("*", None))...)...)
	out = append(out, on(v2, recv("Ormer", "TxOrmer", "QueryExecutor", "DML"), withCtx(dml...)...)...)
	out = append(out, on(v2, recv("Ormer", "TxBeginner"), tx...)...)
	out = append(out, on(v2, recv("TxOrmer", "TxCommitter"), ender...)...)
	out = append(out, on(v2, recv("QuerySeter"), append(withCtx(seter...), rows...)...)...)
	out = append(out, on(v2, recv("QueryM2Mer"), append(withCtx(m2m...), m("*", None))...)...)
	out = append(out, on(v2, recv("RawSeter"), raw...)...)
	return out
}

// DBXPackages are ozzo-dbx and its forks, which share its API.
var DBXPackages = []string{"github.com/go-ozzo/ozzo-dbx", "github.com/pocketbase/dbx"}

// SchemaBuilders are the query builder methods that build a schema
// change (ALTER TABLE, CREATE INDEX, ...), by package, whatever their
// receiver (the DB, a Builder interface, a transaction): the statement
// they build runs once per column or index of the change, not per row.
var SchemaBuilders = func() map[string]map[string]bool {
	names := map[string]bool{}
	for _, n := range []string{"AddColumn", "AlterColumn", "DropColumn", "RenameColumn", "CreateTable", "DropTable",
		"RenameTable", "TruncateTable", "AddPrimaryKey", "DropPrimaryKey", "AddForeignKey", "DropForeignKey",
		"CreateIndex", "CreateUniqueIndex", "DropIndex"} {
		names[n] = true
	}
	out := map[string]map[string]bool{}
	for _, pkg := range DBXPackages {
		out[pkg] = names
	}
	return out
}()
