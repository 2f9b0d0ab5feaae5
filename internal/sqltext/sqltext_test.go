package sqltext

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		sql  string
		want Shape
	}{
		{"SELECT id, user_id FROM orders ORDER BY id", Shape{Select: true}},
		{"select * from orders where user_id = $1", Shape{Select: true}},
		{"SELECT id FROM orders ORDER BY id DESC LIMIT $1", Shape{Select: true, Limited: true, LimitParam: 1}},
		{"SELECT id FROM orders WHERE user_id = ? LIMIT ? OFFSET ?", Shape{Select: true, Limited: true, LimitParam: 2}},
		{"SELECT id FROM orders LIMIT 50", Shape{Select: true, Limited: true}},
		{"SELECT id FROM routes LIMIT -1", Shape{Select: true}},
		{"SELECT id FROM routes LIMIT ALL", Shape{Select: true}},
		{"SELECT id FROM orders LIMIT %d OFFSET %d", Shape{Select: true, Limited: true}},
		{"SELECT id FROM t ORDER BY id FETCH FIRST 10 ROWS ONLY", Shape{Select: true, Limited: true}},
		{"SELECT TOP 10 id FROM t", Shape{Select: true, Limited: true}},
		{"SELECT id FROM t WHERE id IN (SELECT user_id FROM u LIMIT 5)", Shape{Select: true}},
		{"SELECT COUNT(*) FROM orders", Shape{Select: true, Single: true}},
		{"SELECT count(*) AS n, max(created_at) FROM orders WHERE user_id = $1", Shape{Select: true, Single: true}},
		{"SELECT user_id, COUNT(*) FROM orders GROUP BY user_id", Shape{Select: true}},
		{"SELECT 1", Shape{Select: true, Single: true}},
		{"SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)", Shape{Select: true, Single: true}},
		{"SELECT id, name FROM users WHERE id = $1", Shape{Select: true, Single: true}},
		{"SELECT u.id FROM users u WHERE u.id = $1", Shape{Select: true, Single: true}},
		{"SELECT id FROM users WHERE id = $1 OR email = $2", Shape{Select: true}},
		{"SELECT email FROM discord_users WHERE token = ?", Shape{Select: true, Single: true}},
		{"SELECT * FROM enclosures WHERE entry_id = ANY($1)", Shape{Select: true, ByList: true}},
		{`SELECT DISTINCT indexer FROM "release" UNION SELECT DISTINCT identifier indexer FROM indexer`, Shape{Select: true, Values: true}},
		{"SELECT DISTINCT category FROM feeds ORDER BY category", Shape{Select: true, Values: true}},
		{"SELECT DISTINCT user_id, feed_id FROM entries", Shape{Select: true}},
		{"SELECT DISTINCT ON (feed_id) feed_id, title FROM entries", Shape{Select: true}},
		{"SELECT DISTINCT * FROM entries", Shape{Select: true}},
		{"SELECT DISTINCT tag FROM tags UNION SELECT name FROM labels", Shape{Select: true}},
		{"SELECT * FROM tags WHERE bookmark_id IN (?, ?, ?) ORDER BY id", Shape{Select: true, ByList: true}},
		{"SELECT * FROM users WHERE id IN (SELECT user_id FROM orders)", Shape{Select: true}},
		{"WITH recent AS (SELECT * FROM orders LIMIT 10) SELECT * FROM recent", Shape{Select: true}},
		{"SELECT a FROM x UNION SELECT a FROM y LIMIT 20", Shape{Select: true, Limited: true}},
		{"-- list everything\nSELECT /* all */ id FROM t -- LIMIT 5\n", Shape{Select: true}},
		{"SELECT 'LIMIT 5' FROM t", Shape{Select: true}},
		{"SELECT * FROM users WHERE name = :name LIMIT :limit", Shape{Select: true, Limited: true}},
		{"INSERT INTO t (a) VALUES ($1) RETURNING id", Shape{Write: true}},
		{"UPDATE t SET a = 1", Shape{Write: true}},
		{"DELETE FROM t", Shape{Write: true}},
		{"ALTER TABLE t ADD COLUMN a TEXT", Shape{Schema: true}},
		{"CREATE INDEX i ON t (a)", Shape{Schema: true}},
		{"DROP VIEW v", Shape{Schema: true}},
		{"VACUUM ANALYZE logs_2026_11", Shape{Schema: true}},
		{"REINDEX TABLE logs", Shape{Schema: true}},
		{"SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'", Shape{Schema: true}},
		{"SELECT table_name FROM information_schema.tables WHERE table_schema = $1", Shape{Schema: true}},
		{"SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace", Shape{Schema: true}},
		{"SHOW TABLES", Shape{Schema: true}},
		{`PRAGMA table_info("users")`, Shape{Schema: true}},
		{"SELECT name FROM pragma_table_info('users')", Shape{Schema: true}},
		// A catalog joined with data, or data that only mentions one: reads.
		{"SELECT t.name, u.id FROM sqlite_master t JOIN users u ON u.name = t.name", Shape{Select: true}},
		{"SELECT * FROM tables", Shape{Select: true}},
		{"SHOW VARIABLES LIKE 'max_connections'", Shape{Select: true, Single: true}},
		{"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", Shape{Write: true}},
		{"CREATE TABLE t (id int)", Shape{Schema: true}},
		{"", Shape{}},
	}
	for _, tc := range tests {
		if got := Classify(tc.sql); got != tc.want {
			t.Errorf("Classify(%q) = %+v, want %+v", tc.sql, got, tc.want)
		}
	}
}

func FuzzClassify(f *testing.F) {
	f.Add("SELECT id FROM t WHERE a = $1 LIMIT $2")
	f.Add("SELECT (((")
	f.Add("'unterminated")
	f.Add("/* open")
	f.Fuzz(func(t *testing.T, sql string) {
		s := Classify(sql)
		if s.Limited && !s.Select {
			t.Errorf("Classify(%q): limited but not a read", sql)
		}
	})
}

func TestWhereBounds(t *testing.T) {
	tests := []struct {
		cond string
		want bool
	}{
		{"value IN (?)", true},
		{"id IN ?", true},
		{"id = ?", true},
		{"user_id = ? AND id IN (?)", true},
		{"user_id = ?", false},
		{"name LIKE ?", false},
		{"id IN (SELECT user_id FROM orders)", false},
		{"id = ? OR email = ?", false},
	}
	for _, tt := range tests {
		if got := WhereBounds(tt.cond); got != tt.want {
			t.Errorf("WhereBounds(%q) = %v, want %v", tt.cond, got, tt.want)
		}
	}
}
