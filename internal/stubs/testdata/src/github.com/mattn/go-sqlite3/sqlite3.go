// Package sqlite3 is a stub of github.com/mattn/go-sqlite3: importing it
// says the program's database runs in the process.
package sqlite3

// SQLiteDriver is the database/sql driver.
type SQLiteDriver struct{}
