package source_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/source"
)

// loopCase is one loop: decls and body of a function whose first for or
// range statement LoopOf describes.
type loopCase struct {
	name string
	body string
	kind source.LoopKind
	over string
	// noRoots calls LoopOf without the function body as a root.
	noRoots bool
}

const loopImports = `import (
	"bufio"
	"context"
	"database/sql"
	"iter"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
	"go.mongodb.org/mongo-driver/mongo"
)

const maxAttempts = 5

var (
	ctx     context.Context
	ids     []int
	byID    map[int]string
	ch      chan int
	done    chan struct{}
	ticker  *time.Ticker
	seq     iter.Seq[int]
	chunks  iter.Seq[[]int64]
	pairs   iter.Seq2[int, []int64]
	rowsSeq iter.Seq[[]string]
	n       int
	ok      bool
	err     error
	rows    *sql.Rows
	xrows   *sqlx.Rows
	prows   pgx.Rows
	cur     *mongo.Cursor
	sc      *bufio.Scanner
	step    int
	queue   interface{ More() bool }
	delays  []time.Duration
	batches [][]int64
)

func try() error { return nil }

var _ = os.Stdin
`

func TestLoopOf(t *testing.T) {
	tests := []loopCase{
		// Ranges.
		{"range slice", "for _, id := range ids { _ = id }", source.PerElement, "ids", false},
		{"range map", "for k := range byID { _ = k }", source.PerElement, "byID", false},
		{"range data channel: a worker taking jobs", "for v := range ch { _ = v }", source.Worker, "ch", false},
		{"range backoff delays with an exit: a retry", "for _, d := range delays { if try() == nil { return }; time.Sleep(d) }", source.Retry, "delays", false},
		{"range chunks", "for _, batch := range batches { _ = batch }", source.Chunk, "batches", false},
		{"range an iterator of chunks (slices.Chunk)", "for batch := range chunks { _ = batch }", source.Chunk, "chunks", false},
		{"range an iterator of numbered chunks", "for _, batch := range pairs { _ = batch }", source.Chunk, "pairs", false},
		{"range an iterator of records whose cells are picked: elements", "for rec := range rowsSeq { _ = rec[0] }", source.PerElement, "rowsSeq", false},
		{"range done channel", "for range done {}", source.Poll, "done", false},
		{"range ticker", "for range ticker.C {}", source.Poll, "ticker.C", false},
		{"range time.Tick", "for range time.Tick(time.Second) {}", source.Poll, "time.Tick(time.Second)", false},
		{"range iterator", "for x := range seq { _ = x }", source.PerElement, "seq", false},
		{"range func literal", "for x := range func(yield func(int) bool) {} { _ = x }", source.PerElement, "(func(yield func(int) bool) literal)", false},
		{"range variable int", "for i := range n { _ = i }", source.PerElement, "n", false},
		{"range constant list", `for _, s := range []string{"a", "b"} { _ = s }`, source.Fixed, "[]string{…}", false},
		{"range keyed constant list", `for k, v := range map[string]int{"a": 1} { _, _ = k, v }`, source.Fixed, "map[string]int{…}", false},
		{"range list of variables", `for _, s := range []int{n, step} { _ = s }`, source.PerElement, "[]int{…}", false},
		{"range empty literal", `for _, s := range []string{} { _ = s }`, source.PerElement, "[]string{}", false},
		// Retries by range over a small constant.
		{"range 3 with break", "for range 3 { if try() == nil { break } }", source.Retry, "3", false},
		{"range 3 with return", "for range 3 { if try() == nil { return } }", source.Retry, "3", false},
		{"range 3 without exit", "for range 3 { _ = try() }", source.PerElement, "3", false},
		{"range 11 with break", "for range 11 { if try() == nil { break } }", source.PerElement, "11", false},
		{"range const with break", "for range maxAttempts { if try() == nil { break } }", source.Retry, "maxAttempts", false},
		{"range local bound", "tries := 4\nfor range tries { if try() == nil { break } }", source.Retry, "tries", false},

		// Result sets and streams.
		{"rows.Next", "for rows.Next() {}", source.PerElement, "rows", false},
		{"sqlx rows promoted Next", "for xrows.Next() {}", source.PerElement, "xrows", false},
		{"pgx Rows interface", "for prows.Next() {}", source.PerElement, "prows", false},
		{"mongo cursor", "for cur.Next(ctx) {}", source.PerElement, "cur", false},
		{"bufio scanner", "for sc.Scan() {}", source.PerElement, "sc", false},
		{"parenthesised condition", "for (rows.Next()) {}", source.PerElement, "rows", false},
		{"other condition call", "for queue.More() {}", source.Poll, "", false},
		{"bool condition", "for ok { ok = false }", source.Poll, "", false},

		// Polling.
		{"for ever", "for { break }", source.Poll, "", false},
		{"for without condition", "for i := 0; ; i++ { if i > 3 { break } }", source.Poll, "", false},

		// Counted loops.
		{"counted over len", "for i := 0; i < len(ids); i++ { _ = ids[i] }", source.PerElement, "ids", false},
		{"counted over variable", "for i := 0; i < n; i++ {}", source.PerElement, "n", false},
		{"counted reversed operands", "for i := 0; len(ids) > i; i++ {}", source.PerElement, "ids", false},
		{"counted without post", "for i := 0; i < n; { i++ }", source.PerElement, "n", false},
		{"counted without init", "i := 0\nfor ; i < n; i++ {}", source.PerElement, "n", false},

		// Retry loops with a counter.
		{"retry break", "for a := 0; a < 3; a++ { if try() == nil { break } }", source.Retry, "3", false},
		{"retry return", "for a := 0; a < 3; a++ { if err = try(); err == nil { return } }", source.Retry, "3", false},
		{"retry inclusive bound", "for a := 1; a <= 10; a++ { if try() == nil { break } }", source.Retry, "10", false},
		{"retry bound 11", "for a := 0; a < 11; a++ { _ = ids[a]; if try() == nil { break } }", source.PerElement, "11", false},
		{"attempts that index nothing", "for a := 0; a < len(ids); a++ { if try() == nil { break } }", source.Retry, "ids", false},
		{"retry package constant", "for a := 0; a < maxAttempts; a++ { if try() == nil { break } }", source.Retry, "maxAttempts", false},
		{"retry local bound", "maxRetries := 3\nfor a := 0; a < maxRetries; a++ { if try() == nil { break } }", source.Retry, "maxRetries", false},
		{"retry local var bound", "var maxRetries = 3\nfor a := 0; a < maxRetries; a++ { if try() == nil { break } }", source.Retry, "maxRetries", false},
		{"retry local bound without roots", "maxRetries := 3\nfor a := 0; a < maxRetries; a++ { _ = ids[a]; if try() == nil { break } }", source.PerElement, "maxRetries", true},
		{"retry bound assigned twice", "maxRetries := 3\nif ok { maxRetries = 5 }\nfor a := 0; a < maxRetries; a++ { _ = ids[a]; if try() == nil { break } }", source.PerElement, "maxRetries", false},
		{"small bound without exit", "for a := 0; a < 3; a++ { _ = try() }", source.PerElement, "3", false},
		{"break of a nested switch", "for a := 0; a < 3; a++ { switch { case ok: break } }", source.PerElement, "3", false},
		{"break of a nested select", "for a := 0; a < 3; a++ { select { case <-done: break } }", source.PerElement, "3", false},
		{"break of a nested loop", "for a := 0; a < 3; a++ { for range ids { break } }", source.PerElement, "3", false},
		{"labelled break out of a switch", "L: for a := 0; a < 3; a++ { switch { case ok: break L } }", source.Retry, "3", false},
		{"return in a nested switch", "for a := 0; a < 3; a++ { switch { case ok: return } }", source.Retry, "3", false},
		{"return in a func literal", "for a := 0; a < 3; a++ { f := func() { return }; f() }", source.PerElement, "3", false},

		// Chunks.
		{"chunk by constant", "for i := 0; i < len(ids); i += 500 { _ = ids[i:] }", source.Chunk, "ids", false},
		{"chunk by variable", "for i := 0; i < len(ids); i += step {}", source.Chunk, "ids", false},
		{"chunk by i = i + k", "for i := 0; i < len(ids); i = i + 100 {}", source.Chunk, "ids", false},
		{"step of one", "for i := 0; i < len(ids); i += 1 {}", source.PerElement, "ids", false},
		{"i = i + 1", "for i := 0; i < len(ids); i = i + 1 {}", source.PerElement, "ids", false},
		{"chunk with break is a chunk", "for i := 0; i < 3; i += 2 { break }", source.Chunk, "3", false},
	}

	var b strings.Builder
	b.WriteString("package loops\n\n" + loopImports)
	for i, tc := range tests {
		fmt.Fprintf(&b, "\nfunc f%d() {\n%s\n}\n", i, tc.body)
	}
	c := check(t, "example.com/loops", "loops.go", b.String())

	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fd := c.funcDecl(t, fmt.Sprintf("f%d", i))
			loop := firstLoop(fd)
			var roots []ast.Node
			if !tc.noRoots {
				roots = append(roots, fd.Body)
			}
			l, ok := source.LoopOf(c.info, loop, roots...)
			if !ok {
				t.Fatalf("LoopOf(%s) is not a loop", tc.body)
			}
			if l.Kind != tc.kind || l.Over != tc.over {
				t.Errorf("LoopOf(%s) = kind %d over %q, want kind %d over %q", tc.body, l.Kind, l.Over, tc.kind, tc.over)
			}
			if l.PerElement != (l.Kind == source.PerElement) {
				t.Errorf("PerElement = %v for kind %d", l.PerElement, l.Kind)
			}
			if l.Node != loop || l.Body == nil {
				t.Errorf("Node or Body not set: %+v", l)
			}
		})
	}

	// Statements that are not loops.
	fd := c.funcDecl(t, "f0")
	for _, n := range []ast.Node{fd, fd.Body, fd.Body.List[0].(*ast.RangeStmt).Body} {
		if _, ok := source.LoopOf(c.info, n); ok {
			t.Errorf("LoopOf(%T) is a loop", n)
		}
	}
}

// TestBugLoopOfDescendingCounter: a counted loop walking down,
// for i := len(xs) - 1; i >= 0; i--, has the condition i >= 0, which
// countedBound reads as "X >= i" with the index i as the bound: Over is
// "i", and findings say the loop runs once per element of "i".
func TestBugLoopOfDescendingCounter(t *testing.T) {
	src := "package down\n\nvar ids []int\n\nfunc f() {\n\tfor i := len(ids) - 1; i >= 0; i-- {\n\t\t_ = ids[i]\n\t}\n}\n"
	c := check(t, "example.com/down", "down.go", src)
	fd := c.funcDecl(t, "f")
	l, _ := source.LoopOf(c.info, fd.Body.List[0], fd.Body)
	if l.Over == "i" {
		t.Errorf("Over = %q, the loop index, want what the loop walks (ids)", l.Over)
	}
}

func TestLeaves(t *testing.T) {
	for _, tc := range []struct {
		block string
		want  bool
	}{
		{"return", true},
		{"x := 1; _ = x; return", true},
		{"break", true},
		{"goto L", true},
		{`panic("no")`, true},
		{"", false},
		{"continue", false},
		{"break L", false},
		{"os.Exit(1)", false},
		{"log.Fatal()", false},
		{"if ok { return }", false},
		{"return; _ = 1", false},
		{"{ return }", false},
	} {
		src := "package p\n\nfunc f() {\nL:\n\tfor {\n\t\t{ " + tc.block + " }\n\t}\n}\n"
		f, err := parser.ParseFile(loadUniverse().Fset, "leaves.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", tc.block, err)
		}
		loop := f.Decls[0].(*ast.FuncDecl).Body.List[0].(*ast.LabeledStmt).Stmt.(*ast.ForStmt)
		block := loop.Body.List[0].(*ast.BlockStmt)
		if got := source.Leaves(block); got != tc.want {
			t.Errorf("Leaves({ %s }) = %v, want %v", tc.block, got, tc.want)
		}
	}
}

func TestLoopFirstSuccess(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"return when err is nil", "for range ids { err := try(); if err == nil { return } }", true},
		{"continue on error, then return", "for _, id := range ids { err := try(); if err != nil { continue }; _ = id; return }", true},
		{"continue on error without a return", "for _, id := range ids { err := try(); if err != nil { continue }; _ = id }", false},
		{"continue on error, then return once found", "for _, id := range ids { err := try(); if err != nil { continue }; if id > 0 { return } }", true},
		{"a conditional return with no error skipped", "for _, id := range ids { if id > 0 { return } }", false},
		{"return on success or a failure no other would mend", "for range ids { err, gone := try(), try(); if err == nil || err == gone || gone != nil && err != nil { return } }", true},
		{"return on error or when done", "for _, id := range ids { err := try(); if err != nil || id > 0 { return } }", false},
		{"return on error", "for range ids { err := try(); if err != nil { return } }", false},
		{"no error test", "for _, id := range ids { _ = id; return }", false},
	}
	var b strings.Builder
	b.WriteString("package loops\n\n" + loopImports)
	for i, tc := range tests {
		fmt.Fprintf(&b, "\nfunc g%d() {\n%s\n}\n", i, tc.body)
	}
	c := check(t, "example.com/loops", "loops.go", b.String())
	for i, tc := range tests {
		fd := c.funcDecl(t, fmt.Sprintf("g%d", i))
		if l, _ := source.LoopOf(c.info, firstLoop(fd), fd.Body); l.FirstSuccess != tc.want {
			t.Errorf("%s: FirstSuccess = %v, want %v", tc.name, l.FirstSuccess, tc.want)
		}
	}
}

// firstLoop returns the first for or range statement of fd.
func firstLoop(fd *ast.FuncDecl) ast.Node {
	var loop ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if loop == nil {
				loop = n
			}
		}
		return loop == nil
	})
	return loop
}
