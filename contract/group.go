package contract

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/oasdiff/oasdiff/checker"

	"github.com/apilint/apilint/internal/report"
)

// change is one thing found, before grouping: an oasdiff change or one
// of our rules' findings.
type change struct {
	rule  string
	level report.Level // "" takes the rule's default
	// message is the finding's message; for oasdiff changes it is
	// rendered for the whole group instead (see render).
	message string
	// operation is the one operation it concerns, "GET /v1/x";
	// operations is for findings about several.
	operation  string
	operations []string
	// key identifies the root cause within the rule: changes with the
	// same rule, level and key are one finding.
	key string
	pos Position
	// cause names the root cause for JSON: the file and JSON pointer of
	// the schema, parameter or operation that changed.
	cause string

	// For oasdiff changes: the change, its arguments as text, which
	// argument is the property path (replaced by anchor, the property as
	// it is named in its component) and which the response status.
	src       checker.Change
	args      []string
	pathArg   int
	statusArg int
	anchor    string
}

// converter turns oasdiff changes into changes keyed by root cause.
type converter struct {
	l         checker.Localizer
	base, rev *Spec
	noGroup   bool
	// bx and rx index the specs, built on first use.
	bx, rx *index
	// statusArg caches, per rule id and argument count, which argument
	// is a response status.
	statusArg map[string]int
}

func newConverter(l checker.Localizer, base, rev *Spec, noGroup bool) *converter {
	return &converter{l: l, base: base, rev: rev, noGroup: noGroup, statusArg: map[string]int{}}
}

func (cv *converter) indexes() (*index, *index) {
	if cv.rx == nil {
		cv.rx, cv.bx = newIndex(cv.rev), newIndex(cv.base)
	}
	return cv.bx, cv.rx
}

// convert keys an oasdiff change by its root cause: where, in the
// revision (or, for what was removed, in the base), the schema or
// parameter it concerns is written. A change to a shared schema that
// oasdiff reports once per operation and per route to it ("error/
// payment_intent/customer/anyOf[subschema #2: Customer]/.../type") has one
// key, the schema's site and the property in it, whatever the route. A
// change with no such site (an operation removed, a status added) is its
// own cause, in its operation.
func (cv *converter) convert(c checker.Change) change {
	out := change{rule: c.GetId(), level: fromOasdiff(c.GetLevel()), src: c, pathArg: -1, statusArg: -1}
	if op := c.GetOperation(); op != "" {
		out.operation = op + " " + c.GetPath()
	}
	out.args = make([]string, len(c.GetArgs()))
	for i, a := range c.GetArgs() {
		out.args[i] = argString(a)
	}
	if cv.noGroup {
		out.message = cv.text(c)
		out.key = out.operation + "\x00" + out.message
		out.pos = cv.locateChange(c)
		return out
	}
	out.statusArg = cv.statusIndex(c.GetId(), len(out.args))
	if cs, ok := schemaOf(c); ok && cv.bySchema(&out, cs) {
		return out
	}
	if cv.byParameter(&out, c) {
		return out
	}
	var key strings.Builder
	key.WriteString(c.GetSection())
	key.WriteByte(0)
	key.WriteString(out.operation)
	for i, a := range out.args {
		if i != out.statusArg {
			key.WriteByte(0)
			key.WriteString(a)
		}
	}
	out.key = key.String()
	out.pos = cv.locateChange(c)
	return out
}

// bySchema keys a change found in a schema by the schema's site.
func (cv *converter) bySchema(out *change, cs changeSchema) bool {
	bx, rx := cv.indexes()
	re, inRev := rx.schemaAt(cs.rev)
	be, inBase := bx.schemaAt(cs.base)
	if !inRev && !inBase {
		return false
	}
	// A change about a property (added, removed, became required) is
	// recorded on the schema that holds it; one about the property's own
	// schema (its enum, type, length) on that schema.
	prop := ""
	if i := strings.LastIndex(cs.path, "/"); cs.path != "" {
		name := cs.path[i+1:]
		if (inRev && re.schema.Properties[name] != nil) || (inBase && be.schema.Properties[name] != nil) {
			prop = name
		}
	}
	keySite, keySpec := re.site, cv.rev
	if !inRev {
		keySite, keySpec = be.site, cv.base
	}
	key := keySite
	if prop != "" {
		key = key.at("properties", prop)
	}
	out.key = "schema\x00" + key.key()
	if !inRev {
		out.key = "base " + out.key
	}
	out.cause = cv.causeName(keySpec, key)
	for i, a := range out.args {
		if cs.path != "" && a == cs.path {
			out.pathArg = i
			out.anchor = anchorName(keySpec, key)
			break
		}
	}

	// Where to point: the changed keyword where there is one; in the
	// base for what the revision no longer has.
	removal := isRemoval(out.rule)
	switch {
	case prop != "" && inRev && re.schema.Properties[prop] != nil && !(removal && inBase && be.schema.Properties[prop] != nil):
		out.pos = cv.rev.positionAt(re.site.file(), re.site.at("properties", prop).tokens()...)
	case prop != "" && inBase && be.schema.Properties[prop] != nil:
		out.pos = cv.base.positionAt(be.site.file(), be.site.at("properties", prop).tokens()...)
	case removal && inBase:
		out.pos = cv.base.positionAt(be.site.file(), keywordTokens(be, out)...)
	case inRev:
		out.pos = cv.rev.positionAt(re.site.file(), keywordTokens(re, out)...)
	default:
		out.pos = cv.base.positionAt(be.site.file(), keywordTokens(be, out)...)
	}
	return true
}

// byParameter keys a change to a parameter shared through
// components/parameters (or a path item) by the parameter's site.
func (cv *converter) byParameter(out *change, c checker.Change) bool {
	if c.GetOperation() == "" {
		return false
	}
	in, name := -1, ""
	for i, a := range out.args {
		switch a {
		case "query", "path", "header", "cookie":
			if i+1 < len(out.args) {
				in, name = i, out.args[i+1]
			}
		}
		if in >= 0 {
			break
		}
	}
	if in < 0 {
		return false
	}
	bx, rx := cv.indexes()
	for _, side := range []struct {
		x    *index
		spec *Spec
	}{{rx, cv.rev}, {bx, cv.base}} {
		if side.spec == nil || side.spec.T == nil || side.spec.T.Paths == nil {
			continue
		}
		item := side.spec.T.Paths.Value(c.GetPath())
		if item == nil {
			continue
		}
		params := item.Parameters
		if op := item.GetOperation(c.GetOperation()); op != nil {
			params = append(params[:len(params):len(params)], op.Parameters...)
		}
		for _, p := range params {
			if p == nil || p.Value == nil || p.Value.In != out.args[in] || !strings.EqualFold(p.Value.Name, name) {
				continue
			}
			s := side.x.params[p.Value]
			if s == nil {
				return false
			}
			out.key = "parameter\x00" + s.key()
			if side.spec == cv.base {
				out.key = "base " + out.key
			}
			out.cause = cv.causeName(side.spec, s)
			out.pos = side.spec.positionAt(s.file(), s.tokens()...)
			return true
		}
	}
	return false
}

// isRemoval reports whether a rule is about something the revision no
// longer has, which is found in the base.
func isRemoval(rule string) bool {
	for _, w := range []string{"removed", "deleted", "unset", "-decreased"} {
		if strings.Contains(rule, w) {
			return true
		}
	}
	return false
}

// ruleKeywords name, by a fragment of the rule id, the schema keyword a
// change is about; the first match wins.
var ruleKeywords = []struct{ fragment, keyword string }{
	{"enum", "enum"},
	{"type", "type"},
	{"max-length", "maxLength"}, {"min-length", "minLength"},
	{"max-items", "maxItems"}, {"min-items", "minItems"},
	{"max-properties", "maxProperties"}, {"min-properties", "minProperties"},
	{"-max-", "maximum"}, {"-min-", "minimum"},
	{"pattern", "pattern"}, {"default-value", "default"}, {"nullable", "nullable"},
	{"any-of", "anyOf"}, {"one-of", "oneOf"}, {"all-of", "allOf"},
	{"discriminator", "discriminator"}, {"read-only", "readOnly"}, {"write-only", "writeOnly"},
	{"deprecat", "deprecated"}, {"format", "format"}, {"multiple-of", "multipleOf"},
	{"unique-items", "uniqueItems"}, {"const", "const"},
}

// keywordTokens points into the schema of e at the keyword the change is
// about: the enum value itself for an added or removed one. position falls
// back to the schema when the keyword is not written there.
func keywordTokens(e entry, c *change) []string {
	toks := e.site.tokens()
	for _, k := range ruleKeywords {
		if !strings.Contains(c.rule, k.fragment) {
			continue
		}
		toks = append(toks, k.keyword)
		if k.keyword == "enum" && len(c.args) > 0 {
			for i, v := range e.schema.Enum {
				if argString(v) == c.args[0] || fmt.Sprint(v) == c.args[0] {
					toks = append(toks, strconv.Itoa(i))
					break
				}
			}
		}
		break
	}
	return toks
}

// causeName is a site as JSON reports it: the file, relative as the user
// named it, and the JSON pointer.
func (cv *converter) causeName(s *Spec, at *site) string {
	name := at.file()
	if s != nil {
		if d := s.docs[name]; d != nil {
			name = d.name
		}
	}
	return name + "#" + pointer(at.tokens()...)
}

// anchorName names a schema's site the way a message names a property:
// the component and the property path inside it ("PaymentMethod/
// ideal/bic"), or "" for a schema written inline in an operation, whose
// own path oasdiff gives already.
func anchorName(s *Spec, at *site) string {
	toks := at.tokens()
	var name string
	switch {
	case s != nil && at.file() == s.root && len(toks) >= 3 && toks[0] == "components":
		name, toks = toks[2], toks[3:]
	case s != nil && at.file() == s.root:
		return ""
	default:
		name = path.Base(at.file())
		if len(toks) > 0 {
			name += "#/" + toks[0]
			toks = toks[1:]
		}
	}
	parts := []string{name}
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; t {
		case "properties", "patternProperties":
			if i+1 < len(toks) {
				i++
				parts = append(parts, toks[i])
			}
		case "allOf", "anyOf", "oneOf", "prefixItems":
			if i+1 < len(toks) {
				i++
				parts = append(parts, t+"["+toks[i]+"]")
			}
		case "schema", "content":
			// a parameter's or header's schema: its name says enough
		default:
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "/")
}

// pointer renders JSON pointer tokens.
func pointer(toks ...string) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte('/')
		b.WriteString(escapeToken.Replace(t))
	}
	return b.String()
}

// text is a change's message as oasdiff words it, with its comment (why
// it matters), as --no-group prints it.
func (cv *converter) text(c checker.Change) string {
	return withWhy(c.GetId(), c.GetUncolorizedText(cv.l), comment(c, cv.l))
}

// statusIndex returns which argument of rule id's message is a response
// status ("... for the response status %s"), or -1. It renders the
// message with markers for arguments and reads the words before each.
func (cv *converter) statusIndex(id string, n int) int {
	k := id + "/" + strconv.Itoa(n)
	if i, ok := cv.statusArg[k]; ok {
		return i
	}
	markers := make([]any, n)
	for i := range markers {
		markers[i] = "\x00" + strconv.Itoa(i) + "\x00"
	}
	msg := cv.l(id, markers...)
	found := -1
	for i := range markers {
		at := strings.Index(msg, markers[i].(string))
		if at >= 0 && strings.HasSuffix(strings.TrimSpace(msg[:at]), "status") {
			found = i
		}
	}
	cv.statusArg[k] = found
	return found
}

// argString formats a message argument as oasdiff does.
func argString(a any) string {
	switch v := a.(type) {
	case nil:
		return "undefined"
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case float64:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return fmt.Sprint(a)
}

// group makes findings of changes: one per root cause, listing every
// operation it affects, or one per change with noGroup.
func group(cs []change, noGroup bool, cv *converter) []report.Finding {
	type acc struct {
		first  change
		ops    map[string]bool
		values []map[string]bool
	}
	byKey := map[string]*acc{}
	var order []string
	for _, c := range cs {
		k := c.rule + "\x00" + string(c.level) + "\x00" + c.key
		if noGroup && c.src != nil {
			k += "\x00" + strconv.Itoa(len(order))
		}
		a := byKey[k]
		if a == nil {
			a = &acc{first: c, ops: map[string]bool{}, values: make([]map[string]bool, len(c.args))}
			byKey[k] = a
			order = append(order, k)
		}
		if c.operation != "" {
			a.ops[c.operation] = true
		}
		for _, op := range c.operations {
			a.ops[op] = true
		}
		for i, v := range c.args {
			if i < len(a.values) {
				if a.values[i] == nil {
					a.values[i] = map[string]bool{}
				}
				a.values[i][v] = true
			}
		}
	}
	out := make([]report.Finding, 0, len(order))
	for _, k := range order {
		a := byKey[k]
		c := a.first
		f := report.Finding{
			Rule:       c.rule,
			Level:      c.level,
			Operations: sortedKeys(a.ops),
			Function:   c.key,
			Cause:      c.cause,
		}
		if c.cause != "" {
			// The key holds absolute paths; the fingerprint must not
			// change with the directory the spec is checked out in.
			f.Function = c.cause
		}
		switch {
		case c.src != nil && !noGroup:
			f.Message = cv.render(c, a.values)
		default:
			f.Message = c.message
		}
		f.File, f.Line, f.Column = c.pos.File, c.pos.Line, c.pos.Column
		if f.File == "" && cv.rev != nil {
			f.File = cv.rev.Name
		}
		f.SetFingerprint()
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Level.Rank() != b.Level.Rank() {
			return a.Level.Rank() > b.Level.Rank()
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return out
}

// render words a grouped oasdiff finding: oasdiff's message with the
// property path named in its component, and every value the group's
// changes had (enum values, statuses) where they differ.
func (cv *converter) render(c change, values []map[string]bool) string {
	args := make([]any, len(c.args))
	several := false
	for i := range c.args {
		if i == c.pathArg && c.anchor != "" {
			args[i] = "`" + c.anchor + "`"
			continue
		}
		vs := sortedKeys(values[i])
		if i == c.statusArg {
			sortStatuses(vs)
		} else if len(vs) > 1 {
			several = true
		}
		args[i] = "`" + strings.Join(vs, "`, `") + "`"
	}
	msg := cv.l(c.rule, args...)
	if several && strings.Contains(c.rule, "enum-value") {
		msg = strings.Replace(msg, " enum value ", " enum values ", 1)
	}
	if ac, ok := c.src.(checker.ApiChange); ok && ac.Details != "" {
		msg += " " + ac.Details
	}
	return withWhy(c.rule, msg, comment(c.src, cv.l))
}

// sortStatuses orders statuses as numbers, with 2XX and default after.
func sortStatuses(vs []string) {
	sort.SliceStable(vs, func(i, j int) bool {
		a, aerr := strconv.Atoi(vs[i])
		b, berr := strconv.Atoi(vs[j])
		switch {
		case aerr == nil && berr == nil:
			return a < b
		case aerr == nil:
			return true
		}
		return false
	})
}

// locateChange finds a change without a schema or parameter site: its
// operation in the revision, or in the base when the revision no longer
// has it; a removed component in the base.
func (cv *converter) locateChange(c checker.Change) Position {
	if c.GetOperation() == "" {
		if c.GetId() == "api-schema-removed" && len(c.GetArgs()) == 1 {
			return cv.base.position("components", "schemas", argString(c.GetArgs()[0]))
		}
		return Position{}
	}
	op := strings.ToLower(c.GetOperation())
	if cv.rev != nil && cv.rev.T != nil && cv.rev.T.Paths != nil {
		if item := cv.rev.T.Paths.Value(c.GetPath()); item != nil && item.GetOperation(c.GetOperation()) != nil {
			return cv.rev.position("paths", c.GetPath(), op)
		}
	}
	if cv.base != nil && cv.base.T != nil && cv.base.T.Paths != nil {
		if item := cv.base.T.Paths.Value(c.GetPath()); item != nil && item.GetOperation(c.GetOperation()) != nil {
			return cv.base.position("paths", c.GetPath(), op)
		}
	}
	return cv.rev.position("paths", c.GetPath(), op)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
