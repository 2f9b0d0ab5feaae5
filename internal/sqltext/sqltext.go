// Package sqltext reads just enough of a SQL statement to tell whether a
// read is bounded: its verb, whether the outermost SELECT has a row
// limit, whether it only aggregates, and which placeholder carries the
// limit. It tokenises; it does not parse SQL, and says "unknown" rather
// than guess.
package sqltext

import (
	"strconv"
	"strings"
	"unicode"
)

// Shape is what Classify learns about one statement.
type Shape struct {
	// Select is set for reads: SELECT, WITH ... SELECT, VALUES, SHOW.
	Select bool
	// Write is set for statements that change data: INSERT, UPDATE,
	// DELETE, MERGE, REPLACE, UPSERT (with or without RETURNING).
	Write bool
	// Schema is set for statements that change the schema: CREATE, ALTER,
	// DROP, TRUNCATE; for table maintenance: VACUUM, ANALYZE, REINDEX,
	// OPTIMIZE (TABLE), CLUSTER; and for reads of the schema itself: a
	// SELECT from the catalog (sqlite_master, information_schema.tables,
	// pg_catalog.pg_class, ...), SHOW TABLES or COLUMNS, PRAGMA
	// table_info. One per column, index or table of a schema change,
	// maintenance run or schema dump is the work, not a round trip per
	// row.
	Schema bool
	// Limited is set when the outermost query has a row limit: LIMIT n,
	// FETCH FIRST/NEXT n ROWS, or TOP n. A negative constant (SQLite's
	// LIMIT -1) is no limit.
	Limited bool
	// LimitParam is the 1-based placeholder number ($2, or the second ?)
	// the limit is bound to; 0 when the limit is a literal or there is none.
	LimitParam int
	// Single is set when the read returns at most one row: aggregates
	// only with no GROUP BY, no FROM at all, or a lookup by a unique key
	// (WHERE id = ..., uuid, email, token, slug, username).
	Single bool
	// ByList is set when the outermost WHERE filters by a list the caller
	// supplies (IN (...), = ANY($1)): the rows are bounded by the list.
	ByList bool
	// Values is set when every outermost SELECT is a SELECT DISTINCT of one
	// column (SELECT DISTINCT indexer FROM release UNION SELECT DISTINCT
	// name FROM indexer): the read lists the values a column takes, the
	// options of a filter, as many as the column has distinct values, not
	// one per row of the table.
	Values bool
}

// Unbounded reports whether s is a read that can return every row.
func (s Shape) Unbounded() bool { return s.Select && !s.Limited && !s.Single && !s.ByList && !s.Values }

type token struct {
	text  string // upper-cased for words
	depth int    // parenthesis depth
	param int    // placeholder number, for placeholders
}

// tokens splits sql into words, numbers, placeholders and punctuation,
// skipping comments and string literals, and numbering placeholders.
// Formatting verbs of a fmt.Sprintf format (%s, %d, %v) are placeholders
// too.
func tokens(sql string) []token {
	var out []token
	depth, qmarks := 0, 0
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				return out
			}
			i += end + 4
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(sql) && sql[j] != c {
				j++
			}
			if c == '\'' {
				out = append(out, token{text: "'", depth: depth})
			} else {
				out = append(out, token{text: strings.ToUpper(sql[i+1 : min(j, len(sql))]), depth: depth})
			}
			i = j + 1
		case c == '(':
			out = append(out, token{text: "(", depth: depth})
			depth++
			i++
		case c == ')':
			depth--
			out = append(out, token{text: ")", depth: depth})
			i++
		case c == '?':
			qmarks++
			out = append(out, token{text: "?", depth: depth, param: qmarks})
			i++
		case c == '$' && i+1 < len(sql) && isDigit(sql[i+1]):
			j := i + 1
			for j < len(sql) && isDigit(sql[j]) {
				j++
			}
			n, _ := strconv.Atoi(sql[i+1 : j])
			out = append(out, token{text: "?", depth: depth, param: n})
			i = j
		case c == '%' && i+1 < len(sql) && strings.ContainsRune("sdvq", rune(sql[i+1])):
			out = append(out, token{text: "?", depth: depth})
			i += 2
		case c == ':' && i+1 < len(sql) && isWord(sql[i+1]) && (i == 0 || sql[i-1] != ':'):
			// sqlx named parameter (:limit)
			j := i + 1
			for j < len(sql) && isWord(sql[j]) {
				j++
			}
			out = append(out, token{text: "?", depth: depth})
			i = j
		case isWord(c) || c == '-' && i+1 < len(sql) && isDigit(sql[i+1]):
			j := i + 1
			for j < len(sql) && (isWord(sql[j]) || sql[j] == '.') {
				j++
			}
			out = append(out, token{text: strings.ToUpper(sql[i:j]), depth: depth})
			i = j
		case unicode.IsSpace(rune(c)):
			i++
		default:
			out = append(out, token{text: string(c), depth: depth})
			i++
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWord(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c)
}

var aggregates = map[string]bool{"COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true, "EXISTS": true, "BOOL_AND": true, "BOOL_OR": true, "EVERY": true}

// Classify reads the shape of one SQL statement (or fmt format).
func Classify(sql string) Shape {
	toks := tokens(sql)
	var s Shape
	if len(toks) == 0 {
		return s
	}
	// The verb: the first word at depth 0, after a WITH clause's CTEs.
	verb := ""
	for _, t := range toks {
		if t.depth != 0 {
			continue
		}
		switch t.text {
		case "SELECT", "VALUES", "SHOW", "TABLE":
			verb = "SELECT"
		case "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE", "CALL", "SET", "BEGIN", "COMMIT",
			"VACUUM", "ANALYZE", "REINDEX", "OPTIMIZE", "CLUSTER", "PRAGMA":
			verb = t.text
		}
		if verb != "" {
			break
		}
	}
	if verb != "SELECT" {
		switch verb {
		case "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE":
			s.Write = true
		case "CREATE", "ALTER", "DROP", "TRUNCATE", "VACUUM", "ANALYZE", "REINDEX", "OPTIMIZE", "CLUSTER", "PRAGMA":
			s.Schema = true
		}
		return s
	}
	if readsCatalog(toks) {
		s.Schema = true
		return s
	}
	s.Select = true

	// Outermost clauses: words at depth 0 from the last top-level SELECT
	// (after UNION, the last limit bounds the whole).
	var top []token
	for i, t := range toks {
		if t.depth == 0 {
			top = append(top, token{text: t.text, param: t.param, depth: i})
		}
	}
	hasFrom, hasGroup := false, false
	for i, t := range top {
		switch t.text {
		case "FROM":
			hasFrom = true
		case "GROUP":
			hasGroup = true
		case "LIMIT", "TOP":
			s.Limited, s.LimitParam = limitValue(top[i+1:])
		case "FETCH":
			if i+2 < len(top) && (top[i+1].text == "FIRST" || top[i+1].text == "NEXT") {
				s.Limited, s.LimitParam = limitValue(top[i+2:])
			}
		}
	}
	if s.Limited {
		return s
	}
	if !hasFrom {
		s.Single = true // SELECT 1, SELECT now(), SELECT EXISTS (...)
		return s
	}
	if !hasGroup && aggregateOnly(toks) {
		s.Single = true
		return s
	}
	if byUniqueKey(top) {
		s.Single = true
	}
	s.ByList = byList(toks)
	s.Values = distinctValues(toks)
	return s
}

// distinctValues reports whether every SELECT at depth 0 selects DISTINCT
// one column (not DISTINCT ON): no comma at depth 0 before its FROM.
func distinctValues(toks []token) bool {
	selects := 0
	for i, t := range toks {
		if t.depth != 0 || t.text != "SELECT" {
			continue
		}
		selects++
		if i+2 >= len(toks) || toks[i+1].text != "DISTINCT" || toks[i+2].text == "ON" {
			return false
		}
		for _, u := range toks[i+2:] {
			if u.depth != 0 {
				continue
			}
			if u.text == "FROM" {
				break
			}
			if u.text == "," || u.text == "*" {
				return false
			}
		}
	}
	return selects > 0
}

// WhereBounds reports whether cond, the condition a query builder's
// Where is given (gorm's Where("value IN (?)", tags)), bounds the rows on
// its own, whatever else the query says: a filter by a list the caller
// supplies, or a lookup by a unique key. Conditions are ANDed, so one
// such condition bounds the query.
func WhereBounds(cond string) bool {
	s := Classify("SELECT * FROM t WHERE " + cond)
	return s.ByList || s.Single
}

// byList reports a top-level WHERE with an IN (...) or = ANY (...) filter
// over a list (not a subquery).
func byList(toks []token) bool {
	where := false
	for i, t := range toks {
		if t.depth != 0 {
			continue
		}
		switch t.text {
		case "WHERE":
			where = true
		case "GROUP", "ORDER", "HAVING", "UNION":
			where = false
		case "IN", "ANY":
			if where && t.text == "IN" && i+1 < len(toks) && toks[i+1].text == "?" {
				return true // a builder's IN ? that expands a list (gorm, sqlx.In)
			}
			if !where || i+2 >= len(toks) || toks[i+1].text != "(" || toks[i+2].text == "SELECT" {
				continue
			}
			if t.text == "IN" || i > 0 && toks[i-1].text == "=" {
				return true
			}
		}
	}
	return false
}

// limitValue reads the limit after LIMIT/TOP/FETCH FIRST: a number (a
// negative one is no limit), a placeholder, or an expression (a limit).
func limitValue(rest []token) (limited bool, param int) {
	if len(rest) == 0 {
		return false, 0
	}
	t := rest[0]
	if t.text == "(" && len(rest) > 1 {
		t = rest[1]
	}
	if n, err := strconv.Atoi(t.text); err == nil {
		return n >= 0, 0
	}
	if t.text == "ALL" {
		return false, 0 // LIMIT ALL
	}
	if t.text == "?" {
		return true, t.param
	}
	return true, 0
}

// aggregateOnly reports whether the select list of the outermost SELECT
// holds only aggregate calls (and constants).
func aggregateOnly(toks []token) bool {
	start := -1
	for i, t := range toks {
		if t.depth == 0 && t.text == "SELECT" {
			start = i + 1
		}
	}
	if start < 0 {
		return false
	}
	sawAggregate := false
	for i := start; i < len(toks); i++ {
		t := toks[i]
		if t.depth == 0 && t.text == "FROM" {
			return sawAggregate
		}
		if t.depth != 0 {
			continue
		}
		switch {
		case aggregates[t.text] && i+1 < len(toks) && toks[i+1].text == "(":
			sawAggregate = true
		case t.text == "," || t.text == "(" || t.text == ")" || t.text == "AS" || t.text == "DISTINCT" || t.text == "'" || t.text == "?":
		case isNumber(t.text):
		case i > start && toks[i-1].text == "AS" || i > start && toks[i-1].text == ")":
			// an alias
		default:
			return false
		}
	}
	return false
}

func isNumber(s string) bool { _, err := strconv.Atoi(s); return err == nil }

// uniqueColumns are column names that identify one row.
var uniqueColumns = map[string]bool{"ID": true, "UUID": true, "GUID": true, "EMAIL": true, "TOKEN": true, "SLUG": true, "USERNAME": true}

// byUniqueKey reports a top-level WHERE whose first condition is
// id = ... (or table.id = ..., or another unique-looking column) with no
// OR: a lookup of one row.
func byUniqueKey(top []token) bool {
	for i, t := range top {
		if t.text != "WHERE" || i+2 >= len(top) {
			continue
		}
		col := top[i+1].text
		if j := strings.LastIndexByte(col, '.'); j >= 0 {
			col = col[j+1:]
		}
		if !uniqueColumns[col] || top[i+2].text != "=" {
			return false
		}
		for _, u := range top[i:] {
			if u.text == "OR" {
				return false
			}
		}
		return true
	}
	return false
}

// catalogs are the tables and schemas that describe a database's own
// schema.
var catalogs = map[string]bool{
	"SQLITE_MASTER": true, "SQLITE_SCHEMA": true, "SQLITE_TEMP_MASTER": true, "PRAGMA_TABLE_INFO": true,
	"PG_TABLES": true, "PG_CLASS": true, "PG_ATTRIBUTE": true, "PG_NAMESPACE": true, "PG_INDEXES": true, "PG_VIEWS": true,
	"PG_TYPE": true, "PG_CONSTRAINT": true, "PG_INDEX": true,
}

// readsCatalog reports whether toks read only the catalog: every table
// named after FROM or JOIN is one of catalogs, or lives in the
// information_schema, pg_catalog or sys schema (SQL Server); or the
// statement is SHOW TABLES, COLUMNS, INDEX(ES), DATABASES or SCHEMAS.
func readsCatalog(toks []token) bool {
	if len(toks) > 1 && toks[0].text == "SHOW" {
		switch toks[1].text {
		case "TABLES", "COLUMNS", "FIELDS", "INDEX", "INDEXES", "KEYS", "DATABASES", "SCHEMAS", "FULL":
			return true
		}
		return false
	}
	named, catalog := 0, 0
	for i, t := range toks {
		if (t.text != "FROM" && t.text != "JOIN") || i+1 >= len(toks) {
			continue
		}
		name := toks[i+1].text
		if name == "(" || name == "?" {
			continue // a subquery, judged by its own FROM
		}
		named++
		schema, table, dotted := strings.Cut(name, ".")
		if !dotted {
			table = schema
		}
		if catalogs[table] || dotted && (schema == "INFORMATION_SCHEMA" || schema == "PG_CATALOG" || schema == "SYS") {
			catalog++
		}
	}
	return named > 0 && named == catalog
}
