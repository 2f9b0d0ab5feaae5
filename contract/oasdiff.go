package contract

import (
	"reflect"
	"sync"

	"github.com/oasdiff/oasdiff/checker"
)

// oasdiff's ApiChange records the schema diff a change was found in and
// the property path it is reported at (for its own "shared schema"
// detail), but keeps them unexported and renders them only into text.
// Grouping by root cause needs the schemas themselves, so they are read
// here, by reflection, in this one place. The field names are checked by
// TestSchemaOfReadsOasdiff: an oasdiff upgrade that renames them fails
// that test rather than silently grouping less.

// changeFields are the indexes of ApiChange's unexported fields.
var changeFields = sync.OnceValue(func() struct{ schema, path []int } {
	t := reflect.TypeOf(checker.ApiChange{})
	var out struct{ schema, path []int }
	if f, ok := t.FieldByName("schema"); ok && f.Type.Kind() == reflect.Pointer {
		if _, ok := f.Type.Elem().FieldByName("Revision"); ok {
			out.schema = f.Index
		}
	}
	if f, ok := t.FieldByName("propertyPath"); ok && f.Type.Kind() == reflect.String {
		out.path = f.Index
	}
	return out
})

// changeSchema is the schema an oasdiff change was found in: the
// addresses of its base and revision sides (0 for a side that is not
// there), and the property path the change is reported at.
type changeSchema struct {
	base, rev uintptr
	path      string
}

// schemaOf reads the schema of c, and reports whether it has one.
func schemaOf(c checker.Change) (changeSchema, bool) {
	ac, ok := c.(checker.ApiChange)
	fields := changeFields()
	if !ok || fields.schema == nil {
		return changeSchema{}, false
	}
	v := reflect.ValueOf(ac)
	sd := v.FieldByIndex(fields.schema)
	if sd.IsNil() {
		return changeSchema{}, false
	}
	sd = sd.Elem()
	out := changeSchema{base: sd.FieldByName("Base").Pointer(), rev: sd.FieldByName("Revision").Pointer()}
	if fields.path != nil {
		out.path = v.FieldByIndex(fields.path).String()
	}
	return out, true
}
