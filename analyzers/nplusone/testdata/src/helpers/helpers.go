package helpers

// MapWithErr calls f once per element of in.
func MapWithErr[T, U any](in []T, f func(T) (U, error)) ([]U, error) {
	out := make([]U, 0, len(in))
	for _, x := range in {
		u, err := f(x)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// WithTx calls f once.
func WithTx(f func() error) error { return f() }
