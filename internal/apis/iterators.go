package apis

// RowIterators are methods whose use as a loop condition walks a result
// set or a stream one element at a time: for rows.Next() { ... }.
var RowIterators = []Call{
	{Pkg: "database/sql", Recv: "Rows", Name: "Next"},
	{Pkg: "github.com/jmoiron/sqlx", Recv: "Rows", Name: "Next"},
	{Pkg: "github.com/jackc/pgx/v5", Recv: "Rows", Name: "Next"},
	{Pkg: "github.com/jackc/pgx/v4", Recv: "Rows", Name: "Next"},
	{Pkg: "go.mongodb.org/mongo-driver/mongo", Recv: "Cursor", Name: "Next"},
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Recv: "Cursor", Name: "Next"},
	{Pkg: "bufio", Recv: "Scanner", Name: "Scan"},
}

// IsRowIterator reports whether pkg.recv.name is in RowIterators.
func IsRowIterator(pkg, recv, name string) bool {
	return has(RowIterators, pkg, recv, name)
}
