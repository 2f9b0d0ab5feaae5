// Package pgconn is a stub of github.com/jackc/pgconn (v1.14), the
// low-level driver pgx v4 returns command tags from.
package pgconn

type CommandTag []byte

func (ct CommandTag) RowsAffected() int64 { return 0 }

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
}
