package apis

import "fmt"

// Kind says what a call does at run time, as far as scale is concerned.
type Kind uint8

// The kinds of calls apilint knows about.
const (
	// None marks a known API that makes no round trip (a query builder step).
	None Kind = iota
	// ReadMany is a database query that can return many rows.
	ReadMany
	// ReadOne is a database query that returns at most one row.
	ReadOne
	// Write is a database statement that changes data (insert, update, delete, DDL).
	Write
	// RoundTrip is any other database round trip: begin, commit, ping, prepare.
	RoundTrip
	// Datastore is a round trip to a cache or key-value store (Redis).
	Datastore
	// BatchQueue queues a statement in a client-side batch; no round trip by itself.
	BatchQueue
	// BatchSend sends a queued batch in one round trip.
	BatchSend
	// HTTP sends an outbound HTTP request.
	HTTP
	// Blocking is slow synchronous work: sleeping, sending mail, running a command.
	Blocking
)

var kindNames = [...]string{
	None:       "none",
	ReadMany:   "read-many",
	ReadOne:    "read-one",
	Write:      "write",
	RoundTrip:  "round-trip",
	Datastore:  "datastore",
	BatchQueue: "batch-queue",
	BatchSend:  "batch-send",
	HTTP:       "http",
	Blocking:   "blocking",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind is the inverse of Kind.String, for configuration files.
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if name == s {
			return Kind(k), nil
		}
	}
	return None, fmt.Errorf("unknown kind %q (want one of read-many, read-one, write, round-trip, datastore, batch-queue, batch-send, http, blocking)", s)
}

// IsDB reports whether k is a round trip to a database (not a cache).
func (k Kind) IsDB() bool {
	return k == ReadMany || k == ReadOne || k == Write || k == RoundTrip
}

// IsRoundTrip reports whether k leaves the process and waits for a reply.
func (k Kind) IsRoundTrip() bool {
	return k.IsDB() || k == Datastore || k == BatchSend || k == HTTP
}
