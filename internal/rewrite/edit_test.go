package rewrite

import "testing"

func TestConflicts(t *testing.T) {
	ed := func(start, end int) Edit { return Edit{File: "/f", Start: start, End: end, New: "x"} }
	tests := []struct {
		name string
		a, b Edit
		want bool
	}{
		{"disjoint", ed(0, 10), ed(20, 30), false},
		{"adjacent ranges", ed(0, 10), ed(10, 20), false},
		{"shared byte", ed(0, 11), ed(10, 20), true},
		{"nested", ed(0, 100), ed(50, 60), true},
		{"same range", ed(5, 9), ed(5, 9), true},
		{"insertions at one offset", ed(7, 7), ed(7, 7), true},
		{"insertions at two offsets", ed(7, 7), ed(8, 8), false},
		{"insertion inside a range", ed(5, 5), ed(0, 10), true},
		{"insertion at a range's start", ed(0, 0), ed(0, 10), false},
		{"insertion at a range's end", ed(10, 10), ed(0, 10), false},
	}
	for _, tt := range tests {
		if got := conflicts(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: conflicts(%v, %v) = %v, want %v", tt.name, tt.a, tt.b, got, tt.want)
		}
		if got := conflicts(tt.b, tt.a); got != tt.want {
			t.Errorf("%s: conflicts is not symmetric", tt.name)
		}
	}
}

func TestSplice(t *testing.T) {
	edits := []Edit{
		{File: "/f", Start: 0, End: 0, New: "<"},
		{File: "/f", Start: 0, End: 3, New: "ABC"},
		{File: "/f", Start: 3, End: 3, New: ">"},
		{File: "/f", Start: 5, End: 6, New: ""},
	}
	if got := string(splice([]byte("abcdefg"), edits)); got != "<ABC>deg" {
		t.Errorf("splice = %q, want %q", got, "<ABC>deg")
	}
}
