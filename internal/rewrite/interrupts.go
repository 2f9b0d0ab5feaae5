package rewrite

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interrupts catches SIGINT and SIGTERM for the duration of one Apply.
// Killed by default action half-way, Apply would leave temporary files
// beside the user's files and some fixes applied without a word about
// which; caught, a signal makes Apply stop at the next file boundary,
// clean up and say exactly what it changed. Its state lives in the value,
// not in the package, so that concurrent Applies each see every signal.
type interrupts struct {
	ch  chan os.Signal
	got os.Signal
}

// catchInterrupts starts catching. A signal the process ignores (a
// command started with nohup, or in the background by some shells) stays
// ignored: asking to be notified of it would turn it back on.
func catchInterrupts() *interrupts {
	in := &interrupts{ch: make(chan os.Signal, 1)}
	var sigs []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	if len(sigs) > 0 {
		signal.Notify(in.ch, sigs...)
	}
	return in
}

// arrived returns the first signal caught so far, or nil.
func (in *interrupts) arrived() os.Signal {
	if in.got == nil {
		select {
		case s := <-in.ch:
			in.got = s
		default:
		}
	}
	return in.got
}

// wait returns after d, or earlier with the signal if one arrives.
func (in *interrupts) wait(d time.Duration) os.Signal {
	if s := in.arrived(); s != nil {
		return s
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case s := <-in.ch:
		in.got = s
	case <-timer.C:
	}
	return in.got
}

// until returns when done is closed, or earlier with the signal if one
// arrives.
func (in *interrupts) until(done <-chan struct{}) os.Signal {
	if in.got == nil {
		select {
		case s := <-in.ch:
			in.got = s
		case <-done:
		}
	}
	return in.got
}

// stop restores the handling the signals had before catchInterrupts
// (their default action, unless the caller asked for them too) and
// returns the first signal caught, including one that arrived after the
// last check, so that no Ctrl-C is swallowed.
func (in *interrupts) stop() os.Signal {
	signal.Stop(in.ch)
	return in.arrived()
}

// signalName names the signals Apply catches the way users know them
// (os.Signal's String says "interrupt" and "terminated").
func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}
