package apis

// Database client libraries. Kinds follow what the call sends to the
// server: ReadMany for calls that can return several rows, ReadOne for
// single-row APIs, Write for statements, RoundTrip for the rest; query
// builder steps are None.

func databaseSQL() []Call {
	const pkg = "database/sql"
	var out []Call
	out = append(out, on(pkg, recv("DB", "Tx", "Conn", "Stmt"),
		m("QueryContext", ReadMany),
		m("QueryRowContext", ReadOne),
		m("ExecContext", Write),
	)...)
	out = append(out, on(pkg, recv("DB", "Tx", "Stmt"),
		noCtx("Query", ReadMany, "QueryContext"),
		noCtx("QueryRow", ReadOne, "QueryRowContext"),
		noCtx("Exec", Write, "ExecContext"),
	)...)
	out = append(out, on(pkg, recv("DB", "Tx"),
		noCtx("Prepare", RoundTrip, "PrepareContext"),
	)...)
	out = append(out, on(pkg, recv("DB", "Tx", "Conn"),
		m("PrepareContext", RoundTrip),
	)...)
	out = append(out, on(pkg, recv("DB"),
		noCtxTail("Begin", RoundTrip, "BeginTx", "nil"),
		noCtx("Ping", RoundTrip, "PingContext"),
		m("BeginTx", RoundTrip),
		m("PingContext", RoundTrip),
		m("Conn", RoundTrip),
	)...)
	out = append(out, on(pkg, recv("Conn"),
		m("BeginTx", RoundTrip),
		m("PingContext", RoundTrip),
	)...)
	out = append(out, on(pkg, recv("Tx"),
		m("Commit", RoundTrip),
		m("Rollback", RoundTrip),
		// Tx.Stmt binds a prepared statement to the transaction's
		// connection, preparing it there at most once; StmtContext's
		// context bounds only that preparation, not the statement's
		// execution, which takes its own (stmt.QueryContext(ctx, ...)).
		// Neither is a call that a context would usefully bound.
		m("Stmt", None),
		m("StmtContext", None),
	)...)
	return out
}

func sqlx() []Call {
	const pkg = "github.com/jmoiron/sqlx"
	var out []Call
	reads := []spec{
		noCtx("Get", ReadOne, "GetContext"),
		noCtx("Select", ReadMany, "SelectContext"),
		noCtx("Queryx", ReadMany, "QueryxContext"),
		noCtx("QueryRowx", ReadOne, "QueryRowxContext"),
		noCtx("MustExec", Write, "MustExecContext"),
		m("GetContext", ReadOne),
		m("SelectContext", ReadMany),
		m("QueryxContext", ReadMany),
		m("QueryRowxContext", ReadOne),
		m("MustExecContext", Write),
	}
	out = append(out, on(pkg, recv("DB", "Tx"), reads...)...)
	out = append(out, on(pkg, recv("DB", "Tx"),
		noCtx("NamedExec", Write, "NamedExecContext"),
		m("NamedExecContext", Write),
		noCtx("Preparex", RoundTrip, "PreparexContext"),
		m("PreparexContext", RoundTrip),
		noCtx("PrepareNamed", RoundTrip, "PrepareNamedContext"),
		m("PrepareNamedContext", RoundTrip),
	)...)
	out = append(out, on(pkg, recv("DB"),
		noCtx("NamedQuery", ReadMany, "NamedQueryContext"),
		m("NamedQueryContext", ReadMany),
		noCtxTail("Beginx", RoundTrip, "BeginTxx", "nil"),
		noCtxTail("MustBegin", RoundTrip, "MustBeginTx", "nil"),
		m("BeginTxx", RoundTrip),
		m("MustBeginTx", RoundTrip),
		m("Connx", RoundTrip),
	)...)
	// Tx.NamedQuery has no context variant on Tx; sqlx.NamedQueryContext takes the Tx.
	out = append(out, on(pkg, recv("Tx"), m("NamedQuery", ReadMany))...)
	out = append(out, on(pkg, recv("Conn"),
		m("GetContext", ReadOne),
		m("SelectContext", ReadMany),
		m("QueryxContext", ReadMany),
		m("QueryRowxContext", ReadOne),
		m("BeginTxx", RoundTrip),
		m("PreparexContext", RoundTrip),
	)...)
	out = append(out, on(pkg, recv("Stmt"), reads...)...)
	out = append(out, on(pkg, recv("NamedStmt"),
		noCtx("Exec", Write, "ExecContext"),
		noCtx("Query", ReadMany, "QueryContext"),
		noCtx("QueryRow", ReadOne, "QueryRowContext"),
		m("ExecContext", Write),
		m("QueryContext", ReadMany),
		m("QueryRowContext", ReadOne),
	)...)
	out = append(out, on(pkg, recv("NamedStmt"), reads...)...)
	out = append(out, funcs(pkg,
		noCtx("Get", ReadOne, "GetContext"),
		noCtx("Select", ReadMany, "SelectContext"),
		noCtx("NamedExec", Write, "NamedExecContext"),
		noCtx("NamedQuery", ReadMany, "NamedQueryContext"),
		noCtx("MustExec", Write, "MustExecContext"),
		m("GetContext", ReadOne),
		m("SelectContext", ReadMany),
		m("NamedExecContext", Write),
		m("NamedQueryContext", ReadMany),
		m("MustExecContext", Write),
	)...)
	return out
}

// pgx covers pgx v4 and v5 and their pgxpool packages: every method takes a
// context, and batches are first-class.
func pgx() []Call {
	var out []Call
	for _, v := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		common := []spec{
			m("Query", ReadMany),
			m("QueryRow", ReadOne),
			m("Exec", Write),
			m("SendBatch", BatchSend),
			m("CopyFrom", Write),
			m("Begin", RoundTrip),
		}
		out = append(out, on(v, recv("Conn", "Tx"), common...)...)
		out = append(out, on(v, recv("Conn"), m("BeginTx", RoundTrip), m("Ping", RoundTrip), m("Prepare", RoundTrip))...)
		out = append(out, on(v, recv("Tx"), m("Commit", RoundTrip), m("Rollback", RoundTrip), m("Prepare", RoundTrip))...)
		out = append(out, on(v, recv("Batch"), m("Queue", BatchQueue))...)
		pool := v + "/pgxpool"
		out = append(out, on(pool, recv("Pool", "Conn", "Tx"), common...)...)
		out = append(out, on(pool, recv("Pool", "Conn"), m("BeginTx", RoundTrip), m("Ping", RoundTrip))...)
		out = append(out, on(pool, recv("Pool"), m("Acquire", RoundTrip))...)
		out = append(out, on(pool, recv("Tx"), m("Commit", RoundTrip), m("Rollback", RoundTrip))...)
		if v == "github.com/jackc/pgx/v5" {
			// v5 made them package functions.
			out = append(out, funcs(v, m("BeginFunc", RoundTrip), m("BeginTxFunc", RoundTrip))...)
		} else {
			out = append(out, on(v, recv("Conn"), m("BeginFunc", RoundTrip), m("BeginTxFunc", RoundTrip))...)
			out = append(out, on(v, recv("Tx"), m("BeginFunc", RoundTrip))...)
			out = append(out, on(pool, recv("Pool"), m("BeginFunc", RoundTrip), m("BeginTxFunc", RoundTrip))...)
			out = append(out, on(pool, recv("Conn", "Tx"), m("BeginFunc", RoundTrip))...)
		}
	}
	return out
}

// gorm covers gorm v2: chain methods are builders (None); only terminal
// methods reach the database.
func gorm() []Call {
	const pkg = "gorm.io/gorm"
	out := on(pkg, recv("DB"),
		m("Find", ReadMany),
		m("FindInBatches", ReadMany),
		m("Scan", ReadMany),
		m("Pluck", ReadMany),
		m("Rows", ReadMany),
		m("First", ReadOne),
		m("Take", ReadOne),
		m("Last", ReadOne),
		m("Count", ReadOne),
		m("Row", ReadOne),
		m("FirstOrInit", ReadOne),
		m("FirstOrCreate", ReadOne),
		m("Create", Write),
		m("CreateInBatches", Write),
		m("Save", Write),
		m("Update", Write),
		m("Updates", Write),
		m("UpdateColumn", Write),
		m("UpdateColumns", Write),
		m("Delete", Write),
		m("Exec", Write),
		m("Transaction", RoundTrip),
		m("Begin", RoundTrip),
		m("Commit", RoundTrip),
		m("Rollback", RoundTrip),
		// The rest of *gorm.DB builds a statement.
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

// squirrel covers github.com/Masterminds/squirrel's builders run with
// RunWith; builders turned into SQL with ToSql are followed by the SQL
// check of the call that runs the text.
func squirrel() []Call {
	const pkg = "github.com/Masterminds/squirrel"
	out := on(pkg, recv("SelectBuilder"),
		m("Query", ReadMany),
		m("QueryContext", ReadMany),
		m("QueryRow", ReadOne),
		m("QueryRowContext", ReadOne),
		m("Scan", ReadOne),
		m("ScanContext", ReadOne),
		m("*", None),
	)
	out = append(out, on(pkg, recv("InsertBuilder", "UpdateBuilder", "DeleteBuilder"),
		m("Exec", Write),
		m("ExecContext", Write),
		m("Query", Write),
		m("QueryContext", Write),
		m("*", None),
	)...)
	return out
}
