// Package parallel is a stub of github.com/samber/lo/parallel.
package parallel

func Map[T, R any](collection []T, transform func(item T, index int) R) []R { return nil }
func ForEach[T any](collection []T, callback func(item T, index int))       {}
