package noctxall

import "database/sql"

func purge(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec takes no context: .* no context is in scope here`
	return err
}
