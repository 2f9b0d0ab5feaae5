package options

// Option types of mongo-driver v1 that the stub's Collection methods
// take; their fields are left out.

type BulkWriteOptions struct{}
type DeleteOptions struct{}
type UpdateOptions struct{}
type ReplaceOptions struct{}
type EstimatedDocumentCountOptions struct{}
type DistinctOptions struct{}
type FindOneAndDeleteOptions struct{}
type FindOneAndReplaceOptions struct{}
type FindOneAndUpdateOptions struct{}
