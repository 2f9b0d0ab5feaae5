package report

// Level is how serious a finding is: "error", "warning" or "note".
type Level string

// The levels, most serious first. They match SARIF's levels.
const (
	Error   Level = "error"
	Warning Level = "warning"
	Note    Level = "note"
)

// ParseLevel checks s is a level.
func ParseLevel(s string) (Level, bool) {
	switch l := Level(s); l {
	case Error, Warning, Note:
		return l, true
	}
	return "", false
}

// Rank orders levels: error 3, warning 2, note 1, anything else 0.
func (l Level) Rank() int {
	switch l {
	case Error:
		return 3
	case Warning:
		return 2
	case Note:
		return 1
	}
	return 0
}
