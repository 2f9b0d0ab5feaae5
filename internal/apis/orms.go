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
