// Package apis is apilint's knowledge of libraries, kept as data: which
// functions and methods make a database or datastore round trip, send an
// outbound HTTP request, start a server or block; which function
// signatures are request handlers; where a handler's request context
// comes from. Every analyzer reads these tables; nothing else in the
// module hard-codes a library API.
//
// Entries are keyed by package path, receiver type name and method name,
// and are matched against go/types objects, never against identifiers
// alone. Users extend the tables from .apilint.yml (see [Table.Add]).
package apis
