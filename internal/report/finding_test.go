package report

import "testing"

func TestFingerprint(t *testing.T) {
	base := Finding{
		Rule: "nplusone", File: "api/h.go", Line: 40, Column: 3, Function: "Server.list",
		Message: "N+1: store.GetUser runs once per element of orders (loop at h.go:38)",
		Snippet: "\t\tu, err := s.Store.GetUser(ctx, o.UserID)",
	}
	base.SetFingerprint()
	tests := []struct {
		name   string
		change func(f *Finding)
		same   bool
	}{
		{"lines inserted above", func(f *Finding) {
			f.Line, f.Column = 52, 3
			f.Message = "N+1: store.GetUser runs once per element of orders (loop at h.go:50)"
		}, true},
		{"re-indented", func(f *Finding) { f.Snippet = "    u, err :=   s.Store.GetUser(ctx, o.UserID)" }, true},
		{"code changed", func(f *Finding) { f.Snippet = "\t\tu, err := s.Store.GetUser(ctx, o.BuyerID)" }, false},
		{"other function", func(f *Finding) { f.Function = "Server.show" }, false},
		{"other rule", func(f *Finding) { f.Rule = "blocking" }, false},
		{"other file", func(f *Finding) { f.File = "api/g.go" }, false},
	}
	for _, tc := range tests {
		f := base
		tc.change(&f)
		f.SetFingerprint()
		if got := f.Fingerprint == base.Fingerprint; got != tc.same {
			t.Errorf("%s: same fingerprint = %v, want %v", tc.name, got, tc.same)
		}
	}
}

func TestSummarizeAndAtLeast(t *testing.T) {
	fs := sample()
	s := Summarize(fs)
	if s != (Summary{Error: 1, Warning: 1, Note: 1}) {
		t.Errorf("Summarize = %+v", s)
	}
	for level, want := range map[Level]int{"error": 1, "warning": 2, "note": 3} {
		if got := AtLeast(fs, level); got != want {
			t.Errorf("AtLeast(%s) = %d, want %d", level, got, want)
		}
	}
}
