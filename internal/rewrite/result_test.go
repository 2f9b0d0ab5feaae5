package rewrite

import (
	"errors"
	"syscall"
	"testing"
)

func TestResultString(t *testing.T) {
	r := &Result{
		Applied:   []int{1, 4},
		Skipped:   map[int]string{3: "overlaps fix 1 at /t/a.go:#5", 2: "/t/b.go: changed since analysis"},
		Written:   []string{"/t/a.go", "/t/c.go"},
		Unchanged: map[string]string{"/t/d.go": "not writable: permission denied", "/t/b.go": "changed since analysis"},
		Signal:    syscall.SIGTERM,
	}
	want := `wrote /t/a.go
wrote /t/c.go
did not change /t/b.go: changed since analysis
did not change /t/d.go: not writable: permission denied
applied fix 1
applied fix 4
skipped fix 2: /t/b.go: changed since analysis
skipped fix 3: overlaps fix 1 at /t/a.go:#5
stopped by SIGTERM
`
	if got := r.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
}

func TestIncompleteError(t *testing.T) {
	cause := errors.New("stopped")
	tests := []struct {
		changed, notChanged []string
		want                string
	}{
		{nil, []string{"a"}, "stopped: no file was changed; left 1 file (a) as it was"},
		{[]string{"a"}, []string{"b", "c"}, "stopped: changed 1 file (a); left 2 files (b, c) as they were"},
		{[]string{"a", "b"}, nil, "stopped: changed 2 files (a, b)"},
	}
	for _, tt := range tests {
		err := &IncompleteError{Cause: cause, Changed: tt.changed, NotChanged: tt.notChanged}
		if err.Error() != tt.want {
			t.Errorf("Error() = %q, want %q", err.Error(), tt.want)
		}
		if !errors.Is(err, cause) {
			t.Errorf("%v does not unwrap to its cause", err)
		}
	}
}
