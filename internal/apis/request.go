package apis

import (
	"go/types"
	"strings"
)

// RequestRead is a way a handler reads its request.
type RequestRead struct {
	Pkg, Recv, Name string
	What            ReadKind
	// Arg is the index of the parameter name (QueryParam), of the
	// destination struct (Bind), or of the reader (BodyReader).
	Arg int
}

// ReadKind says what a RequestRead reads.
type ReadKind uint8

// The kinds of request reads.
const (
	// QueryParam reads one query parameter by name.
	QueryParam ReadKind = iota + 1
	// BindQuery decodes query parameters into a struct (by field tags).
	BindQuery
	// BodyAll reads the whole request body into memory.
	BodyAll
	// BodyReader reads from the io.Reader argument Arg until EOF; it
	// reads the body when given the request's Body.
	BodyReader
	// BodyForm parses the request's form: for a POST, PUT or PATCH it
	// reads the body, a multipart one to memory and temporary files with
	// no limit on their total size (gosec's G120).
	BodyForm
	// BodyByMethod binds by the request's method and content type (gin's
	// Bind and ShouldBind, echo's Bind): it reads the whole body for a
	// POST, PUT or PATCH, and only the query for a GET or DELETE.
	BodyByMethod
)

// RequestReads lists the request-reading APIs of each framework. fiber is
// absent from the body readers: fiber caps bodies at 4 MiB by default.
var RequestReads = []RequestRead{
	{Pkg: "net/url", Recv: "Values", Name: "Get", What: QueryParam},
	{Pkg: "net/url", Recv: "Values", Name: "Has", What: QueryParam},
	{Pkg: "net/http", Recv: "Request", Name: "FormValue", What: QueryParam},
	{Pkg: gin, Recv: "Context", Name: "Query", What: QueryParam},
	{Pkg: gin, Recv: "Context", Name: "DefaultQuery", What: QueryParam},
	{Pkg: gin, Recv: "Context", Name: "GetQuery", What: QueryParam},
	{Pkg: gin, Recv: "Context", Name: "QueryArray", What: QueryParam},
	{Pkg: echo, Recv: "Context", Name: "QueryParam", What: QueryParam},
	{Pkg: fiber, Recv: "Ctx", Name: "Query", What: QueryParam},
	{Pkg: fiber, Recv: "Ctx", Name: "QueryInt", What: QueryParam},
	{Pkg: gin, Recv: "Context", Name: "ShouldBindQuery", What: BindQuery},
	{Pkg: gin, Recv: "Context", Name: "BindQuery", What: BindQuery},
	{Pkg: gin, Recv: "Context", Name: "ShouldBind", What: BindQuery},
	{Pkg: gin, Recv: "Context", Name: "Bind", What: BindQuery},
	{Pkg: echo, Recv: "Context", Name: "Bind", What: BindQuery},
	{Pkg: fiber, Recv: "Ctx", Name: "QueryParser", What: BindQuery},

	{Pkg: "io", Name: "ReadAll", What: BodyReader, Arg: 0},
	{Pkg: "io/ioutil", Name: "ReadAll", What: BodyReader, Arg: 0},
	{Pkg: "io", Name: "Copy", What: BodyReader, Arg: 1},
	{Pkg: "encoding/json", Name: "NewDecoder", What: BodyReader, Arg: 0},
	{Pkg: "encoding/xml", Name: "NewDecoder", What: BodyReader, Arg: 0},
	// go-swagger's generated binders decode the body with the route's
	// consumer (route.Consumer.Consume(r.Body, &body)).
	{Pkg: "github.com/go-openapi/runtime", Recv: "Consumer", Name: "Consume", What: BodyReader, Arg: 0},
	// Drop-in replacements for encoding/json.
	{Pkg: "github.com/segmentio/encoding/json", Name: "NewDecoder", What: BodyReader, Arg: 0},
	{Pkg: "github.com/goccy/go-json", Name: "NewDecoder", What: BodyReader, Arg: 0},
	{Pkg: "github.com/json-iterator/go", Name: "NewDecoder", What: BodyReader, Arg: 0},
	// ParseForm alone is not here: net/http caps the urlencoded body it
	// reads at 10 MB, and it leaves multipart bodies unread.
	{Pkg: "net/http", Recv: "Request", Name: "ParseMultipartForm", What: BodyForm},
	{Pkg: "net/http", Recv: "Request", Name: "FormValue", What: BodyForm},
	{Pkg: "net/http", Recv: "Request", Name: "PostFormValue", What: BodyForm},
	{Pkg: "net/http", Recv: "Request", Name: "FormFile", What: BodyForm},
	{Pkg: "net/http", Recv: "Request", Name: "MultipartReader", What: BodyForm},
	{Pkg: gin, Recv: "Context", Name: "GetRawData", What: BodyAll},
	{Pkg: gin, Recv: "Context", Name: "ShouldBindJSON", What: BodyAll},
	{Pkg: gin, Recv: "Context", Name: "BindJSON", What: BodyAll},
	{Pkg: gin, Recv: "Context", Name: "ShouldBindBodyWith", What: BodyAll},
	{Pkg: gin, Recv: "Context", Name: "Bind", What: BodyByMethod},
	{Pkg: gin, Recv: "Context", Name: "ShouldBind", What: BodyByMethod},
	{Pkg: echo, Recv: "Context", Name: "Bind", What: BodyByMethod},
}

// LookupRequestReads returns the entries for pkg.recv.name.
func LookupRequestReads(pkg, recv, name string) []RequestRead {
	var out []RequestRead
	for _, r := range RequestReads {
		if r.Pkg == pkg && r.Recv == recv && r.Name == name {
			out = append(out, r)
		}
	}
	return out
}

// BodyLimits are the calls that cap request bodies: inside a handler, or
// registered for a whole server.
var BodyLimits = []Call{
	{Pkg: "net/http", Name: "MaxBytesReader"},
	{Pkg: "net/http", Name: "MaxBytesHandler"},
	{Pkg: echo + "/middleware", Name: "BodyLimit"},
	{Pkg: echo + "/middleware", Name: "BodyLimitWithConfig"},
	{Pkg: "github.com/gin-contrib/size", Name: "RequestSizeLimiter"},
	{Pkg: "github.com/go-pkgz/rest", Name: "SizeLimit"},
}

// IsBodyLimit reports whether pkg.recv.name caps request bodies.
func IsBodyLimit(pkg, recv, name string) bool {
	return has(BodyLimits, pkg, recv, name)
}

// PaginationParams are the query parameter names that count as
// pagination input (apis.pagination-params in .apilint.yml replaces them
// in a run's Table). The contract rules read the same list.
// Names compare without case, '_' or '-': per_page, perPage, per-page.
var PaginationParams = []string{"limit", "page", "per_page", "page_size", "size", "cursor", "offset", "after", "before", "next", "token", "page_token", "max_results", "max_count"}

// PageSizeParams are the pagination parameters that set how many rows a
// page has: a LIMIT bound to one of them must be capped.
var PageSizeParams = []string{"limit", "per_page", "page_size", "size", "count", "first", "max", "max_results", "max_count"}

func normalName(s string) string {
	// JSON:API's page[size], page[number], page[cursor]: the inner name
	// when it is a pagination parameter itself, page otherwise.
	if outer, inner, ok := strings.Cut(strings.TrimSuffix(s, "]"), "["); ok && strings.HasSuffix(s, "]") {
		if n := normalName(inner); contains(normalNames(PaginationParams), n) || contains(normalNames(PageSizeParams), n) {
			return n
		}
		return normalName(outer)
	}
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s))
}

// normalNames returns names normalised.
func normalNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = normalName(n)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Bound says how apilint tells whether a many-row read is bounded.
type Bound uint8

// The bound rules.
const (
	// NoBound: apilint cannot tell (or the call is not a many-row read).
	NoBound Bound = iota
	// BoundSQL: the SQL text argument must have a LIMIT.
	BoundSQL
	// BoundChain: the builder chain the method is called on must call a
	// limiting method (Limit, or a scope apilint cannot see into).
	BoundChain
	// BoundOption: an options argument must set a limit (MongoDB's
	// options.Find().SetLimit).
	BoundOption
)

// LimitMethods bound a builder chain. Scopes and Paginate are user code
// apilint does not follow; they usually paginate.
var LimitMethods = []string{"Limit", "Scopes", "Paginate", "SetLimit", "Top"}

// LimitReceivers are the packages whose Limit and SetLimit methods set a
// query's row limit (besides ent's generated query types).
var LimitReceivers = []string{
	"gorm.io/gorm", "github.com/jinzhu/gorm", "xorm.io/xorm", "github.com/xorm-io/xorm", "github.com/go-xorm/xorm",
	"github.com/go-ozzo/ozzo-dbx", "github.com/pocketbase/dbx", "github.com/uptrace/bun", "github.com/Masterminds/squirrel",
	"go.mongodb.org/mongo-driver/mongo/options", "go.mongodb.org/mongo-driver/v2/mongo/options",
	"github.com/beego/beego/v2/client/orm", "github.com/astaxie/beego/orm", beegoV1 + "/orm",
}

// IsLimitReceiver reports whether pkg's Limit methods set a row limit.
func IsLimitReceiver(pkg string) bool { return contains(LimitReceivers, pkg) }

// ReturnsRows reports whether a BoundChain read returns its rows (ent's
// All, squirrel's Query) rather than filling a destination argument that
// may be a single struct (gorm's Find(&user)).
func ReturnsRows(c *Call) bool {
	return c.Generated || c.Pkg == "github.com/Masterminds/squirrel"
}

// BoundRule says how the many-row reads of a library are bounded. An
// empty Recv or Name matches any.
type BoundRule struct {
	Pkg, Recv, Name string
	Bound           Bound
}

// BoundRules are the bound rules of the builtin many-row reads.
var BoundRules = []BoundRule{
	{Pkg: "database/sql", Bound: BoundSQL},
	{Pkg: "github.com/jmoiron/sqlx", Bound: BoundSQL},
	{Pkg: "github.com/jackc/pgx/v5", Bound: BoundSQL},
	{Pkg: "github.com/jackc/pgx/v4", Bound: BoundSQL},
	{Pkg: "github.com/jackc/pgx/v5/pgxpool", Bound: BoundSQL},
	{Pkg: "github.com/jackc/pgx/v4/pgxpool", Bound: BoundSQL},
	{Pkg: "gorm.io/gorm", Name: "Find", Bound: BoundChain},
	{Pkg: "github.com/jinzhu/gorm", Name: "Find", Bound: BoundChain},
	{Pkg: "github.com/jinzhu/gorm", Name: "Scan", Bound: BoundChain},
	{Pkg: "github.com/jinzhu/gorm", Name: "Pluck", Bound: BoundChain},
	{Pkg: "xorm.io/xorm", Name: "Find", Bound: BoundChain},
	{Pkg: "xorm.io/xorm", Name: "FindAndCount", Bound: BoundChain},
	{Pkg: "github.com/xorm-io/xorm", Name: "Find", Bound: BoundChain},
	{Pkg: "github.com/xorm-io/xorm", Name: "FindAndCount", Bound: BoundChain},
	{Pkg: "github.com/go-xorm/xorm", Name: "Find", Bound: BoundChain},
	{Pkg: "github.com/go-ozzo/ozzo-dbx", Recv: "SelectQuery", Name: "All", Bound: BoundChain},
	{Pkg: "github.com/pocketbase/dbx", Recv: "SelectQuery", Name: "All", Bound: BoundChain},
	{Pkg: "gorm.io/gorm", Name: "Scan", Bound: BoundChain},
	{Pkg: "gorm.io/gorm", Name: "Pluck", Bound: BoundChain},
	{Pkg: "github.com/Masterminds/squirrel", Bound: BoundChain},
	{Pkg: "github.com/uptrace/bun", Recv: "SelectQuery", Name: "Scan", Bound: BoundChain},
	{Pkg: "github.com/uptrace/bun", Recv: "SelectQuery", Name: "ScanAndCount", Bound: BoundChain},
	{Pkg: "github.com/beego/beego/v2/client/orm", Recv: "QuerySeter", Bound: BoundChain},
	{Pkg: "github.com/astaxie/beego/orm", Recv: "QuerySeter", Bound: BoundChain},
	{Pkg: beegoV1 + "/orm", Recv: "QuerySeter", Bound: BoundChain},
	{Pkg: "go.mongodb.org/mongo-driver/mongo", Name: "Find", Bound: BoundOption},
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Name: "Find", Bound: BoundOption},
}

// generatedBoundMethods are the many-row reads of generated clients
// (ent) that a query chain bounds.
var generatedBoundMethods = []string{"All", "AllX", "IDs", "IDsX"}

// boundOf returns the bound rule of entry c from BoundRules.
func boundOf(c Call) Bound {
	if c.Kind != ReadMany {
		return NoBound
	}
	for _, r := range BoundRules {
		if r.Pkg == c.Pkg && (r.Recv == "" || r.Recv == c.Recv) && (r.Name == "" || r.Name == c.Name) {
			return r.Bound
		}
	}
	return NoBound
}

// BoundOf returns the bound rule of a many-row read entry.
func BoundOf(c *Call) Bound {
	if c == nil || c.Kind != ReadMany {
		return NoBound
	}
	return c.Bound
}

// ResponseWriters are the calls that write a response body.
var ResponseWriters = []Call{
	{Pkg: "encoding/json", Recv: "Encoder", Name: "Encode"},
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "Encode"},
	{Pkg: "html/template", Recv: "Template", Name: "Execute"},
	{Pkg: "html/template", Recv: "Template", Name: "ExecuteTemplate"},
	{Pkg: "text/template", Recv: "Template", Name: "Execute"},
	{Pkg: "text/template", Recv: "Template", Name: "ExecuteTemplate"},
	{Pkg: "net/http", Recv: "ResponseWriter", Name: "Write"},
	{Pkg: gin, Recv: "Context", Name: "*"},
	{Pkg: echo, Recv: "Context", Name: "*"},
	{Pkg: echoV3, Recv: "Context", Name: "*"},
	{Pkg: echoV5, Recv: "Context", Name: "*"},
	{Pkg: fiber, Recv: "Ctx", Name: "*"},
	{Pkg: fiberV3, Recv: "Ctx", Name: "*"},
	{Pkg: macaron, Recv: "Context", Name: "*"},
	{Pkg: macaronGH, Recv: "Context", Name: "*"},
	{Pkg: flamego, Recv: "Context", Name: "*"},
	{Pkg: beegoCtx, Recv: "Context", Name: "*"},
	{Pkg: "github.com/astaxie/beego/context", Recv: "Context", Name: "*"},
	{Pkg: beegoV1 + "/context", Recv: "Context", Name: "*"},
}

// IsResponseWriter reports whether pkg.recv.name writes a response.
func IsResponseWriter(pkg, recv, name string) bool {
	return has(ResponseWriters, pkg, recv, name)
}

// IsFrameworkContext reports whether t is a web framework's request
// context, or a struct embedding one, through which handlers respond.
func IsFrameworkContext(t types.Type) bool {
	p := RequestParamOf(t)
	return p != nil && p.Alone
}
