package apis

import "strings"

// mongo covers the MongoDB Go driver, v1 and v2.
func mongo() []Call {
	var out []Call
	for _, pkg := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
		out = append(out, on(pkg, recv("Collection"),
			m("Find", ReadMany),
			m("Aggregate", ReadMany),
			m("Distinct", ReadMany),
			m("FindOne", ReadOne),
			m("CountDocuments", ReadOne),
			m("EstimatedDocumentCount", ReadOne),
			m("InsertOne", Write),
			m("InsertMany", Write),
			m("UpdateOne", Write),
			m("UpdateMany", Write),
			m("UpdateByID", Write),
			m("ReplaceOne", Write),
			m("DeleteOne", Write),
			m("DeleteMany", Write),
			m("FindOneAndUpdate", Write),
			m("FindOneAndReplace", Write),
			m("FindOneAndDelete", Write),
			m("BulkWrite", Write),
		)...)
		out = append(out, on(pkg, recv("Client"), m("Ping", RoundTrip))...)
	}
	return out
}

// redis covers go-redis v8 and v9: every command is a method of the
// unexported cmdable types (promoted into Client, ClusterClient, Ring,
// Tx) or of the Cmdable interfaces. Commands on a pipeline are queued
// and sent by Exec.
func redis() []Call {
	var out []Call
	for _, pkg := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/go-redis/redis/v9"} {
		out = append(out, on(pkg, recv("cmdable", "statefulCmdable", "Cmdable", "StatefulCmdable", "UniversalClient"),
			m("*", Datastore))...)
		out = append(out, on(pkg, recv("Pipeliner", "Pipeline"),
			m("*", BatchQueue),
			m("Exec", BatchSend),
		)...)
		out = append(out, on(pkg, recv("Client", "ClusterClient", "Ring"),
			m("Pipelined", BatchSend),
			m("TxPipelined", BatchSend),
			m("Watch", RoundTrip),
			// Pipeline builds a pipeline; nothing is sent yet.
			m("Pipeline", None),
			m("TxPipeline", None),
		)...)
	}
	return out
}

// bun covers github.com/uptrace/bun: query builders are sent by Scan,
// Exec, Count, Exists and ScanAndCount.
func bun() []Call {
	const pkg = "github.com/uptrace/bun"
	out := on(pkg, recv("SelectQuery"),
		m("Scan", ReadMany),
		m("ScanAndCount", ReadMany),
		m("Rows", ReadMany),
		m("Count", ReadOne),
		m("Exists", ReadOne),
		m("Exec", ReadMany),
		m("*", None),
	)
	out = append(out, on(pkg, recv("InsertQuery", "UpdateQuery", "DeleteQuery", "MergeQuery"),
		m("Exec", Write),
		m("Scan", Write),
		m("*", None),
	)...)
	out = append(out, on(pkg, recv("RawQuery"),
		m("Scan", ReadMany),
		m("Exec", Write),
		m("*", None),
	)...)
	out = append(out, on(pkg, recv("DB"),
		m("NewSelect", None),
		m("NewInsert", None),
		m("NewUpdate", None),
		m("NewDelete", None),
		m("NewRaw", None),
		m("RunInTx", RoundTrip),
		m("BeginTx", RoundTrip),
	)...)
	return out
}

// Generated describes the methods of code generators' clients, matched
// by the generated type's name in a package that imports the generator's
// runtime (ent generates one client per schema, in the user's module).
type Generated struct {
	// Imports is the runtime package the generated package imports.
	Imports string
	// Suffix is the ending of the generated type's name ("Query" for
	// UserQuery).
	Suffix  string
	Methods map[string]Kind
}

// GeneratedClients lists the generator patterns apilint knows.
var GeneratedClients = []Generated{
	{Imports: "entgo.io/ent", Suffix: "Query", Methods: map[string]Kind{
		"All": ReadMany, "AllX": ReadMany, "IDs": ReadMany, "IDsX": ReadMany,
		"Only": ReadOne, "OnlyX": ReadOne, "OnlyID": ReadOne, "OnlyIDX": ReadOne,
		"First": ReadOne, "FirstX": ReadOne, "FirstID": ReadOne, "FirstIDX": ReadOne,
		"Count": ReadOne, "CountX": ReadOne, "Exist": ReadOne, "ExistX": ReadOne,
		"Scan": ReadMany, "ScanX": ReadMany,
	}},
	{Imports: "entgo.io/ent", Suffix: "Client", Methods: map[string]Kind{
		"Get": ReadOne, "GetX": ReadOne,
	}},
	{Imports: "entgo.io/ent", Suffix: "Create", Methods: map[string]Kind{
		"Save": Write, "SaveX": Write, "Exec": Write, "ExecX": Write,
	}},
	{Imports: "entgo.io/ent", Suffix: "CreateBulk", Methods: map[string]Kind{
		"Save": Write, "SaveX": Write, "Exec": Write, "ExecX": Write,
	}},
	{Imports: "entgo.io/ent", Suffix: "Update", Methods: map[string]Kind{
		"Save": Write, "SaveX": Write, "Exec": Write, "ExecX": Write,
	}},
	{Imports: "entgo.io/ent", Suffix: "UpdateOne", Methods: map[string]Kind{
		"Save": Write, "SaveX": Write, "Exec": Write, "ExecX": Write,
	}},
	{Imports: "entgo.io/ent", Suffix: "Delete", Methods: map[string]Kind{
		"Exec": Write, "ExecX": Write,
	}},
	{Imports: "entgo.io/ent", Suffix: "DeleteOne", Methods: map[string]Kind{
		"Exec": Write, "ExecX": Write,
	}},
}

// generatedKind returns the kind of a method of a generated client type
// recv declared in package pkg (which imports imports), if it matches.
func generatedKind(imports func(string) bool, recv, name string) (Kind, bool) {
	for _, g := range GeneratedClients {
		if !strings.HasSuffix(recv, g.Suffix) || recv == g.Suffix {
			continue
		}
		if k, ok := g.Methods[name]; ok && imports(g.Imports) {
			return k, true
		}
	}
	return None, false
}
