// Package provconst holds package-level lists another package loops over.
package provconst

// VerificationTypes is a table written in the code: its length is fixed.
var VerificationTypes = []string{"email", "sms", "totp"}

// Loaded starts empty and is filled at run time: nothing fixes its length.
var Loaded = []int64{}
