// Package blocking defines an Analyzer that reports slow synchronous work
// inside request handlers.
//
// # Analyzer blocking
//
// blocking: report sleeps, mail, SMS, external commands and HTTP fan-out on a handler's request path
//
// "Move to async for anything that takes longer than ~200ms and doesn't
// need to return data immediately." A handler that sends a confirmation
// mail makes every request wait for the mail server: hundreds of
// milliseconds on a good day, a timeout on a bad one. Under load the
// handlers pile up behind it, hold their connections, and the service
// stops answering requests that never needed the mail at all.
//
// blocking reports work that blocks the request, done in a request
// handler or in any function it calls synchronously, in any package.
// Handlers are found as unbounded finds them (apilint explain unbounded):
// by registration with a router apilint knows by type, through adapters
// learnt from their bodies, as closures of a handler type, by signature,
// as gRPC and Connect service methods, or as declared in .apilint.yml for
// a service's own router or request type:
//
//	apis:
//	  handlers:
//	    - {package: example.com/web, type: Router, methods: [Page], arg: 1}
//	    - {package: example.com/web, type: Context, context: "%s.Req.Context()"}
//
// With methods, the function value in argument arg of those methods (or,
// without a type, of those functions of the package) is a handler; with
// variadic: true, the last argument from arg on. Without methods, a
// function taking the type is a handler, and context says how to get the
// request's context from it. A function with a handler's signature that
// its package only calls, and never registers, is a helper: its callers
// are the handlers. The work is:
//
//   - time.Sleep, and <-time.After(d) outside a select (a sleep computed
//     from time.Since or time.Until pads to a constant time on purpose,
//     and is left alone, as is a sleep, in the handler or a helper it
//     calls, followed in the handler's block by a response that turns the
//     request away with a constant 401, 403 or 429: a tarpit that slows
//     down whoever keeps guessing credentials);
//   - sending mail: net/smtp and emersion/go-smtp (SendMail and client
//     operations), and the SendGrid, Mailgun (every major version), AWS
//     SES, gomail, go-mail, smtppool and jordan-wright/email send calls;
//     sending SMS through Twilio;
//   - running external commands: os/exec's Run, Output, CombinedOutput
//     and Wait; and commands run on another machine over SSH
//     (golang.org/x/crypto/ssh: a Session's Run, Output, CombinedOutput
//     and Wait), whose output, unlike a local command's, a remote machine
//     makes while the request waits. One request over an SSH connection
//     (Conn.SendRequest) is a round trip whose reply the handler needs,
//     like one outbound HTTP request, and is not reported alone;
//   - outbound HTTP requests (net/http, and resty's request methods)
//     issued once per element of a collection,
//     one after another (a synchronous webhook fan-out); requests each
//     made in a goroutine of their own (go, errgroup's Go, WaitGroup.Go)
//     overlap, and are not reported as a fan-out; nor is a loop that stops
//     at the first element whose call succeeds (mirrors tried in turn:
//     if err == nil { return } (also if err == nil || errors.Is(err,
//     ErrGone) { return }), or if err != nil { continue } and then a
//     return or a break once the answer is found, as public-IP lookups
//     over a list of services do), which usually makes one request. The
//     loop must be in the program's own code: one inside a library the
//     program requires at a version (a client that fetches the patches it
//     is behind on, on a conflict retry) is the library's design, which
//     the program cannot change, and a single call of it is one request
//     as far as the handler can tell;
//   - calls configured as blocking in .apilint.yml (apis.blocking).
//
// The message names the blocking call, the handler, the chain from one to
// the other, and the fix: respond 202 Accepted with a job id and do the
// work in a worker or a queue (naming the project's queue library when it
// uses one: asynq, River, machinery, Kafka, NATS, ...). For an HTTP
// fan-out, whose results the response may need, the fix first says to
// send the requests concurrently with a bound or as one batch call.
//
// Not reported: the same calls in a goroutine the handler starts and does
// not wait for (go func() { ... }()), or work handed to a queue or a
// worker pool; background workers, cron jobs, main and start-up code;
// retry backoff sleeps outside handlers; streaming gRPC methods (they
// pace a stream by design); handlers that upgrade or hijack their
// connection (a WebSocket, a terminal) or stream their response (they
// flush it: server-sent events, a log tail; gin's Stream and SSEvent),
// directly or in a function of the package they call (apis.Takeovers),
// which then serve it for as long as it lives; a command whose output is the response
// (the handler's ResponseWriter set as its Stdout, on the command or on a
// value handed to the helper that runs it: git's smart HTTP), which is
// the response being produced, and any command whose output the code
// reads (Output or CombinedOutput kept, Stdout set to a buffer, or
// StdoutPipe): its output is the data the response is made of (a git
// repository read through git), which no worker can produce instead. A
// command run for its effect alone is reported; tests, test helpers (functions taking a
// *testing.T or testing.TB), and test doubles (testify or gomock types,
// constructors such as NewTestClient or newMockStore, test-support
// files such as testing.go or mock_store.go, test-support packages such
// as testutil or mocks, files that import dockertest or testify)
// even in a non-test package. Goroutines the handler waits for
// (errgroup.Go then Wait, a sync.WaitGroup) are still on the request path
// and are reported. Work that a helper does only when a
// parameter equals a constant (if owner == "" { every workspace }, or
// case "all": in a switch on it, or if retry { sleep }, or the other branch of a boolean: if async { go
// send() } else { send() }) is not reported at calls that pass a different
// constant (sendMail(to, true)); likewise a field of an options parameter
// (if !opts.SkipProbe { probe() }) at calls that pass a keyed literal
// setting it otherwise (Options{SkipProbe: true}, or a local variable
// defined by such a literal and used nowhere but in the call: req :=
// Request{IncludeAppservices: false}; api.Lookup(ctx, &req, &res)), a
// field the literal leaves out counting as its zero value. The test may also be turned
// around: work after if replyID == nil { return } (or inside
// if kind != "status" { ... }) is not reported at calls that pass nil, or
// a literal leaving that field out (or "status"); a test joined with ||
// before a return rules out each part, one joined with && holds each; a
// call of a predicate of the package whose body is one return of such a
// test (if toCommenter(kind) { ... }) counts as that test. A
// test in a helper and one
// around the call to it are both kept (up to two): the guard is
// recorded with the effect and handed on through callers that pass their
// own parameter; any other argument may match, and the work is reported.
//
// Nor are diagnostic endpoints, whose purpose is to do the slow work and
// report how it went: sending a test mail, trying a notification rule,
// firing an alert once. One is known by a word of its route pattern
// (/smtp-config-test, /notify-rule/test, /alert-rules/try-run) or of its
// name (notifyTest, alertRuleTryRun, testSMTPConfig), split at case
// changes and punctuation, alone or joined with the next word: test,
// tryrun, dryrun or testfire by default (latestPosts and contestEntry
// are no such words). Answering 202 Accepted first would defeat them. The
// words are a heuristic: set -blocking.diagnostic (analyzers: blocking:
// diagnostic: "test,verify" in .apilint.yml) to change them, or to ""
// to report these endpoints too.
//
// Nor is work done only when something failed: inside if err != nil (or
// err == ErrSentinel, errors.Is, errors.As), or in an if whose body builds the error it ends
// by returning (mainErr := fmt.Errorf(...); ...; return mainErr: a peer
// answered with an error), or after an if, outside a loop, that returns
// when a call succeeded (p, err := local(id); if err == nil { return p,
// nil }; ...: a fallback, asking every bridge only when the local lookup
// failed), in the handler or in any function on the way (mail an alert
// when a status cannot be saved). Nor is work that only one
// backend of several does. When the call goes
// through an interface with at least three implementations (storage
// drivers, file systems) and fewer than half of them do the work (the
// driver that polls with a sleep, the file system that makes an HTTP
// request per directory), the work happens only where an operator
// configured that backend. The implementations counted are those in the
// interface's own package and, in the apilint command, in the whole
// program. Under go vet and golangci-lint, which see one package and its
// dependencies at a time, they are those in the packages of the module
// that the calling package imports; an interface implemented only in
// packages it does not import has no implementations to count there. Two
// implementations, a real one and one that does nothing, are no choice of
// backends: the real one's work is reported.
//
// Code that cannot run is not checked: a branch that constants and
// package variables nothing assigns rule out (if syncPeriod < 30 { return }
// with var syncPeriod = -1, never set), and, in the apilint command, which
// loads the whole program, a function nothing live calls. Live are main,
// init, methods an interface declares, controller methods a framework
// calls by reflection, a library's exported functions (a package no main
// imports, unless it is named for tests: testserver, dbtest, fixtures,
// mocks, fakes), and what
// they call. go vet sees one package at a time, so it
// still reports exported functions nothing calls.
//
// To silence one finding, write //apilint:ignore blocking <reason> on
// the line or the line above.
package blocking
