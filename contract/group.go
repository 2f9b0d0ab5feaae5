package contract

import (
	"fmt"
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
	// message is the finding's message; for oasdiff changes that are
	// grouped it is rendered for the whole group instead (see render).
	message string
	// operation is the one operation it concerns, "GET /v1/x";
	// operations is for findings about several.
	operation  string
	operations []string
	// key identifies the root cause within the rule: changes with the
	// same rule, level and key are one finding. It also locates the
	// finding for its fingerprint.
	key string
	pos Position

	// For oasdiff changes: the change, its anchored property paths by
	// argument, the argument that is a response status, and what the
	// status was for this change.
	src      checker.Change
	anchored map[int]string
	status   int
	code     string
	// anchor is the component and property path the change is in, to
	// find its line.
	anchor string
}

// converter turns oasdiff changes into changes with root-cause keys.
type converter struct {
	l       checker.Localizer
	rev     *Spec
	noGroup bool
	// statusArg caches, per rule id and argument count, which argument
	// is a response status.
	statusArg map[string]int
	titles    map[string]string
}

func newConverter(l checker.Localizer, rev *Spec, noGroup bool) *converter {
	return &converter{l: l, rev: rev, noGroup: noGroup, statusArg: map[string]int{}}
}

// convert keys an oasdiff change by its root cause: the rule, the values
// in its message, and its property paths cut down to the part inside
// the last named schema they pass through. oasdiff reports a change in a
// shared schema once per operation and per route to it
// (".../anyOf[subschema #2: Charge]/application_fee/anyOf[subschema #2:
// PlatformFee]/balance_transaction/anyOf[subschema #2:
// BalanceTransaction]/source"); what went wrong is in BalanceTransaction
// at source, whatever the route. The response status is left out of the
// key too: the same schema behind 200 and default is one cause.
func (cv *converter) convert(c checker.Change) change {
	out := change{rule: c.GetId(), level: fromOasdiff(c.GetLevel()), src: c, status: -1}
	if op := c.GetOperation(); op != "" {
		out.operation = op + " " + c.GetPath()
	}
	if cv.noGroup {
		out.message = cv.text(c)
		out.key = out.operation + "\x00" + out.message
		return out
	}
	args := c.GetArgs()
	status := cv.statusIndex(c.GetId(), len(args))
	var key strings.Builder
	key.WriteString(c.GetSection())
	for i, a := range args {
		key.WriteByte(0)
		if i == status {
			out.status, out.code = i, argString(a)
			continue
		}
		s := argString(a)
		if anchor, ok := anchorPath(s); ok {
			if out.anchored == nil {
				out.anchored = map[int]string{}
			}
			out.anchored[i] = anchor
			if out.anchor == "" {
				out.anchor = anchor
			}
			s = anchor
		}
		key.WriteString(s)
	}
	if out.anchor == "" {
		// Nothing to anchor to: the cause is where oasdiff saw it.
		key.WriteByte(0)
		key.WriteString(out.operation)
	}
	out.key = key.String()
	return out
}

// text is a change's message as oasdiff words it, with its comment (why
// it matters).
func (cv *converter) text(c checker.Change) string {
	msg := c.GetUncolorizedText(cv.l)
	if comment := c.GetComment(cv.l); comment != "" {
		msg += ". " + comment
	}
	return msg
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

// anchorPath cuts a property path down to what follows the last schema
// it passes through that has a name: "a/anyOf[subschema #2: Charge]/b"
// becomes "Charge/b". It reports false for anything else.
func anchorPath(s string) (string, bool) {
	end := strings.LastIndex(s, "]")
	if end < 0 {
		return "", false
	}
	open := strings.LastIndex(s[:end], "Of[")
	if open < 0 {
		return "", false
	}
	inner := s[open+len("Of[") : end]
	rest := s[end+1:]
	var name string
	switch {
	case strings.HasPrefix(inner, "#/components/schemas/"):
		name = strings.TrimPrefix(inner, "#/components/schemas/")
	case strings.HasPrefix(inner, "subschema #"):
		_, title, ok := strings.Cut(inner, ": ")
		if !ok {
			return "", false
		}
		name = title
	default:
		return "", false
	}
	if rest != "" && !strings.HasPrefix(rest, "/") {
		return "", false
	}
	return name + rest, true
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
		codes  map[string]bool
		count  int
		anchor string
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
			a = &acc{first: c, ops: map[string]bool{}, codes: map[string]bool{}}
			byKey[k] = a
			order = append(order, k)
		}
		a.count++
		if c.operation != "" {
			a.ops[c.operation] = true
		}
		for _, op := range c.operations {
			a.ops[op] = true
		}
		if c.code != "" {
			a.codes[c.code] = true
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
		}
		pos := c.pos
		switch {
		case c.src != nil && noGroup:
			f.Message = c.message
			pos = cv.locateOperation(c.src)
		case c.src != nil:
			f.Message = cv.render(c, sortedKeys(a.codes))
			if a.count > 1 {
				f.Message += fmt.Sprintf(" [%d changes in %d %s]", a.count, len(f.Operations), plural(len(f.Operations), "operation", "operations"))
			}
			pos = cv.locate(c)
		default:
			f.Message = c.message
		}
		f.File, f.Line, f.Column = pos.File, pos.Line, pos.Column
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
		return a.Message < b.Message
	})
	return out
}

// render words a grouped oasdiff finding: the first change's message
// with its property paths anchored and its status replaced by all the
// statuses of the group.
func (cv *converter) render(c change, codes []string) string {
	msg := cv.text(c.src)
	args := c.src.GetArgs()
	for i, anchor := range c.anchored {
		msg = strings.Replace(msg, "`"+argString(args[i])+"`", "`"+anchor+"`", 1)
	}
	if c.status >= 0 && len(codes) > 1 {
		msg = strings.Replace(msg, "`"+argString(args[c.status])+"`", "`"+strings.Join(codes, "`, `")+"`", 1)
	}
	return msg
}

// locate finds the source of a grouped change in the revision: the
// anchored schema property where there is one, else the operation.
func (cv *converter) locate(c change) Position {
	if c.anchor != "" && cv.rev != nil {
		name, rest, _ := strings.Cut(c.anchor, "/")
		if key := cv.component(name); key != "" {
			ptr := []string{"components", "schemas", key}
			for _, seg := range strings.Split(rest, "/") {
				switch seg {
				case "":
				case "items":
					ptr = append(ptr, "items")
				default:
					ptr = append(ptr, "properties", seg)
				}
			}
			return cv.rev.position(ptr...)
		}
	}
	return cv.locateOperation(c.src)
}

// locateOperation finds an operation in the revision.
func (cv *converter) locateOperation(c checker.Change) Position {
	if cv.rev == nil || c.GetOperation() == "" {
		return Position{}
	}
	return cv.rev.position("paths", c.GetPath(), strings.ToLower(c.GetOperation()))
}

// component finds the components.schemas key of a schema that oasdiff
// named by its key or by its title.
func (cv *converter) component(name string) string {
	t := cv.rev.T
	if t == nil || t.Components == nil {
		return ""
	}
	if _, ok := t.Components.Schemas[name]; ok {
		return name
	}
	if cv.titles == nil {
		cv.titles = map[string]string{}
		for k, s := range t.Components.Schemas {
			if s == nil || s.Value == nil || s.Value.Title == "" {
				continue
			}
			if prev, ok := cv.titles[s.Value.Title]; !ok || k < prev {
				cv.titles[s.Value.Title] = k
			}
		}
	}
	return cv.titles[name]
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
