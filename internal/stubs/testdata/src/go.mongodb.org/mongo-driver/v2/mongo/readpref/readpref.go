// Package readpref is a stub of go.mongodb.org/mongo-driver/v2/mongo/readpref.
package readpref

type ReadPref struct{}

func Primary() *ReadPref { return &ReadPref{} }
