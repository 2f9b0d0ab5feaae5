// Package runtime is a stub of github.com/oapi-codegen/runtime, which the
// servers oapi-codegen generates import.
package runtime

func BindStyledParameterWithOptions(style string, name string, value string, dest any) error {
	return nil
}
