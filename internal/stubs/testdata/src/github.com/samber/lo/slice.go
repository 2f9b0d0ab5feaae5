// Package lo is a stub of github.com/samber/lo (v1.53, slice.go and
// map.go): the collection helpers the apis tables name, with their
// published signatures.
package lo

func Filter[T any, Slice ~[]T](collection Slice, predicate func(item T, index int) bool) Slice {
	return nil
}
func Map[T, R any](collection []T, transform func(item T, index int) R) []R { return nil }
func FilterMap[T, R any](collection []T, callback func(item T, index int) (R, bool)) []R {
	return nil
}
func FlatMap[T, R any](collection []T, transform func(item T, index int) []R) []R { return nil }
func Reduce[T, R any](collection []T, accumulator func(agg R, item T, index int) R, initial R) R {
	return initial
}
func ForEach[T any](collection []T, callback func(item T, index int)) {}
func GroupBy[T any, U comparable, Slice ~[]T](collection Slice, iteratee func(item T) U) map[U]Slice {
	return nil
}
func KeyBy[K comparable, V any](collection []V, iteratee func(item V) K) map[K]V { return nil }
func Associate[T any, K comparable, V any](collection []T, transform func(item T) (K, V)) map[K]V {
	return nil
}
