package apis

// InterfaceSuffixes are the interface type name endings of the naming
// heuristic: where no implementation is visible (go vet and golangci-lint
// see only a package's dependencies), a method of such an interface of
// the module being analyzed is taken to be a database round trip.
// apis.interfaces in .apilint.yml and -effects.interfaces replace them.
var InterfaceSuffixes = []string{"Store", "Datastore", "Repository", "Repo", "DAO", "Storage", "Querier", "DB"}

// WritePrefixes and ReadManyPrefixes tell the heuristic what kind of
// round trip a method is from its name: a write, a many-row read, or
// (neither) a single-row read.
var (
	WritePrefixes    = []string{"Create", "Insert", "Add", "Save", "Update", "Upsert", "Delete", "Remove", "Set", "Put"}
	ReadManyPrefixes = []string{"List", "Find", "Search", "All", "Query"}
)

// DBHandles are the concrete database handles checked against a
// program's own interfaces: an interface one of them implements (sqlc's
// DBTX, a service's Querier over *sql.DB) is a database handle, and its
// methods are the handle's.
var DBHandles = []TypeRef{
	{Pkg: "database/sql", Name: "DB", Ptr: true},
	{Pkg: "database/sql", Name: "Tx", Ptr: true},
	{Pkg: "database/sql", Name: "Conn", Ptr: true},
	{Pkg: "github.com/jmoiron/sqlx", Name: "DB", Ptr: true},
	{Pkg: "github.com/jmoiron/sqlx", Name: "Tx", Ptr: true},
	{Pkg: "github.com/jackc/pgx/v5", Name: "Conn", Ptr: true},
	{Pkg: "github.com/jackc/pgx/v5/pgxpool", Name: "Pool", Ptr: true},
	{Pkg: "github.com/jackc/pgx/v4", Name: "Conn", Ptr: true},
	{Pkg: "github.com/jackc/pgx/v4/pgxpool", Name: "Pool", Ptr: true},
	{Pkg: "gorm.io/gorm", Name: "DB", Ptr: true},
}
