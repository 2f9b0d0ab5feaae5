package apis

import "go/types"

// Database is the kind of database a program talks to, as far as the
// fix for a round trip per element is concerned.
type Database string

// The databases apilint tells apart.
const (
	Postgres Database = "postgres"
	MySQL    Database = "mysql"
	SQLite   Database = "sqlite"
	// SQLServer and the unknown get the generic advice.
	SQLServer Database = "sqlserver"
)

// Embedded reports whether d runs inside the process: a round trip costs
// microseconds, not a network hop.
func (d Database) Embedded() bool { return d == SQLite }

// Driver is a package that connects a program to a database: importing
// it (directly or not) says which database the program uses.
type Driver struct {
	Pkg      string
	Database Database
}

// Drivers lists the database drivers apilint recognises.
var Drivers = []Driver{
	{"github.com/mattn/go-sqlite3", SQLite},
	{"modernc.org/sqlite", SQLite},
	{"github.com/ncruces/go-sqlite3", SQLite},
	{"github.com/glebarez/go-sqlite", SQLite},
	{"github.com/glebarez/sqlite", SQLite},
	{"gorm.io/driver/sqlite", SQLite},
	{"github.com/lib/pq", Postgres},
	{"github.com/jackc/pgx/v5/stdlib", Postgres},
	{"github.com/jackc/pgx/v4/stdlib", Postgres},
	{"github.com/jackc/pgx/v5", Postgres},
	{"github.com/jackc/pgx/v4", Postgres},
	{"gorm.io/driver/postgres", Postgres},
	{"github.com/go-sql-driver/mysql", MySQL},
	{"gorm.io/driver/mysql", MySQL},
	{"github.com/denisenkom/go-mssqldb", SQLServer},
	{"github.com/microsoft/go-mssqldb", SQLServer},
	{"gorm.io/driver/sqlserver", SQLServer},
}

// DriverNames maps the names database/sql drivers register
// (sql.Open(name, ...)) to their database.
var DriverNames = map[string]Database{
	"sqlite3": SQLite, "sqlite": SQLite,
	"postgres": Postgres, "pgx": Postgres, "pgx/v5": Postgres,
	"mysql":     MySQL,
	"sqlserver": SQLServer, "mssql": SQLServer,
}

// DriverOf returns the database of driver package pkg, or "".
func DriverOf(pkg string) Database {
	for _, d := range Drivers {
		if d.Pkg == pkg {
			return d.Database
		}
	}
	return ""
}

// DatabaseOf returns the database that package pkg talks to, from the
// drivers it imports directly or not: "" when it imports none, or drivers
// of several databases.
func DatabaseOf(pkg *types.Package) Database {
	found := make(map[Database]bool)
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if d := DriverOf(p.Path()); d != "" {
			found[d] = true
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	walk(pkg)
	if len(found) != 1 {
		return ""
	}
	for d := range found {
		return d
	}
	return ""
}
