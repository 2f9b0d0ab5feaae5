// Package benchservice is a service-sized module for bench/vet: a few
// handlers on gin, echo and chi, stores on gorm and pgx, a Redis cache and
// errgroup workers, so that go vet -vettool=apilint is timed against plain
// go vet on a real dependency tree. It is its own module, so that its
// dependencies are not apilint's.
package benchservice
