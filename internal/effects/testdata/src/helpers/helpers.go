package helpers // want package:"summarised"

// MapWithErr calls f once per element.
func MapWithErr[T, U any](in []T, f func(T) (U, error)) ([]U, error) { // want MapWithErr:`loops param \[1\]`
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

// Each passes f on to MapWithErr: it loops f too.
func Each[T any](in []T, f func(T) (T, error)) error { // want Each:`calls param \[1\]; loops param \[1\]`
	_, err := MapWithErr(in, f)
	return err
}

// Once calls f, not in a loop.
func Once(f func() error) error { // want Once:`calls param \[0\]`
	return f()
}

// Retry calls f in a retry loop: not per element.
func Retry(f func() error) (err error) { // want Retry:`calls param \[0\]`
	for i := 0; i < 3; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}
