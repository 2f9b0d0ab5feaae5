package noctxall

import "database/sql"

func migrate(db *sql.DB) error {
	_, err := db.Exec("CREATE TABLE t (id int)") // want `\(\*sql.DB\).Exec takes no context: .* no context is in scope here`
	return err
}
