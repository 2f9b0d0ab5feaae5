// Package provconst holds package-level lists another package loops over.
package provconst

// VerificationTypes is a table written in the code: its length is fixed.
var VerificationTypes = []string{"email", "sms", "totp"}

// Loaded starts empty and is filled at run time: nothing fixes its length.
var Loaded = []int64{}

// Info describes one generated resource.
type Info struct{ Name string }

// Routes returns a list written in the code: every call gives four
// elements, whatever the receiver holds.
func (i Info) Routes() []string {
	return []string{"create " + i.Name, "delete " + i.Name, "update " + i.Name, "list " + i.Name}
}

// Kinds returns the table above.
func Kinds() []string { return VerificationTypes }

// Names returns a list filled at run time: its length is not fixed.
func (i Info) Names(n int) []string {
	out := []string{}
	for range n {
		out = append(out, i.Name)
	}
	return out
}

// Tables returns a copy of a table written in the code.
func Tables() []string { return append([]string(nil), VerificationTypes...) }
