package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// yamlLine matches the line prefix of go-yaml's messages.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`) })

// unknownField matches go-yaml's message for an unknown key.
var unknownField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type (\S+)$`) })

// badType matches go-yaml's message for a value of the wrong type. The
// value is left out for lists and mappings, and cut after 7 characters.
var badType = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (\\S+)$")
})

// strictTypes are the types go-yaml decodes with KnownFields, by the name
// its messages give them; their keys are the suggestions for a typo.
var strictTypes = map[string]reflect.Type{
	"config.File": reflect.TypeFor[File](),
	"config.APIs": reflect.TypeFor[APIs](),
}

// yamlError turns a go-yaml error about data into one naming the file
// and line, in the file's words: the key a typo was probably meant to be,
// the key a wrongly typed value belongs to and what it takes.
func yamlError(path string, data []byte, err error) error {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	e := &Error{Path: path, Msg: msgs[0]}
	if m := yamlLine().FindStringSubmatch(msgs[0]); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
		if u := unknownField().FindStringSubmatch(m[2]); u != nil {
			e.Msg = unknownKey(u[1], yamlKeys(strictTypes[u[2]]))
		} else if t := badType().FindStringSubmatch(m[2]); t != nil {
			e.Msg = wrongType(keyAt(data, e.Line, t[1], t[2]), t[1], t[2], t[3])
		}
	}
	if len(msgs) > 1 {
		e.Msg += fmt.Sprintf(" (and %d more)", len(msgs)-1)
	}
	return e
}

// unknownKey says that key is not one of known, suggesting the nearest.
func unknownKey(key string, known []string) string {
	if len(known) == 0 {
		return fmt.Sprintf("unknown key %q", key)
	}
	return fmt.Sprintf("unknown key %q%s (known: %s)", key, suggest(key, known), strings.Join(known, ", "))
}

// yamlKeys returns the YAML keys of struct type t, in declaration order.
func yamlKeys(t reflect.Type) []string {
	if t == nil {
		return nil
	}
	var keys []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// knownKeys checks the keys of mapping n, for the types that decode
// themselves (Node.Decode does not inherit the decoder's strictness).
func knownKeys(n *yaml.Node, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return nil // Decode reports the type error
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		known := false
		for _, want := range keys {
			known = known || k.Value == want
		}
		if !known {
			return fmt.Errorf("line %d: %s", k.Line, unknownKey(k.Value, keys))
		}
	}
	return nil
}

// tagWords and typeWords name YAML tags and Go types as a user writes
// them in the file.
var (
	tagWords = map[string]string{
		"str": "a string", "int": "a number", "float": "a number", "bool": "true or false",
		"seq": "a list", "map": "a mapping", "null": "nothing",
	}
	typeWords = map[string]string{
		"string": "a string", "int": "a whole number", "*int": "a whole number", "bool": "true or false",
		"[]string": "a list ([a, b])", "map[string]string": "a mapping (key: value)",
		"[]config.Spec":        "a list of {package, type, methods, kind} entries",
		"[]config.HandlerSpec": "a list of {package, type, methods, arg, variadic, context} entries",
	}
)

// wrongType says that the value at key has the YAML tag tag where the
// configuration takes a value of Go type goType.
func wrongType(key, tag, value, goType string) string {
	want := typeWords[goType]
	if want == "" {
		want = "a mapping"
		if strings.HasPrefix(goType, "[]") {
			want = "a list"
		}
	}
	got := tagWords[tag]
	if got == "" {
		got = "!!" + tag
	}
	if value != "" {
		got += fmt.Sprintf(" (%s)", value)
	}
	if key != "" {
		return fmt.Sprintf("%s: got %s, want %s", key, got, want)
	}
	return fmt.Sprintf("got %s, want %s", got, want)
}

// keyAt returns the dotted path of the key whose value starts at line,
// has tag and starts with value (go-yaml's messages cut long values
// short); "" when none does. When several do, the deepest wins.
func keyAt(data []byte, line int, tag, value string) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return ""
	}
	prefix := strings.TrimSuffix(value, "...")
	found := ""
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if v.Line == line && v.ShortTag() == "!!"+tag && strings.HasPrefix(v.Value, prefix) {
					found = p
				}
				walk(v, p)
			}
		}
	}
	walk(&doc, "")
	return found
}
