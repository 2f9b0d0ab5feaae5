package pgconn

// StatementDescription as published in pgx v5.12.0 (pgconn.go), without
// the field descriptions.
type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
}
