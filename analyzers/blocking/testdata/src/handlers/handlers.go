package handlers

import (
	"context"
	"net/http"
	"net/smtp"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"
)

func slow(w http.ResponseWriter, r *http.Request) {
	time.Sleep(200 * time.Millisecond) // want `request handler slow sleeps: time.Sleep \(handlers.go:17\): the request holds its goroutine`
}

// Mail through a helper in the same package.
func notify(to string) error {
	return smtp.SendMail("smtp.example.com:587", nil, "shop@example.com", []string{to}, []byte("hi"))
}

func signup(w http.ResponseWriter, r *http.Request) {
	notify(r.FormValue("email")) // want `request handler signup sends mail synchronously: smtp.SendMail \(handlers.go:22\), reached through handlers.notify: the response waits for a remote service.*respond 202 Accepted with a job id`
	w.WriteHeader(http.StatusCreated)
}

// Look-alike: the mail goes out in a goroutine the handler does not wait for.
func signupAsync(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	go func() {
		notify(email)
	}()
	w.WriteHeader(http.StatusAccepted)
}

// Goroutines the handler waits for are still on the request path.
func fanoutWaited(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, to := range r.Form["to"] {
		wg.Add(1)
		go func() { // want `request handler fanoutWaited sends mail synchronously`
			defer wg.Done()
			notify(to)
		}()
	}
	wg.Wait()
}

func group(w http.ResponseWriter, r *http.Request) {
	g, _ := errgroup.WithContext(r.Context())
	g.Go(func() error { return notify("a@example.com") }) // want `request handler group sends mail synchronously`
	g.Wait()
}

func thumbnail(w http.ResponseWriter, r *http.Request) {
	exec.Command("convert", "in.png", "-resize", "64x64", "out.png").Run() // want `request handler thumbnail runs an external command synchronously: \(\*exec.Cmd\).Run`
}

func waitAfter(w http.ResponseWriter, r *http.Request) {
	<-time.After(time.Second) // want `request handler waitAfter sleeps: <-time.After`
}

// Look-alike: time.After as a timeout in a select.
func withTimeout(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	select {
	case <-done:
	case <-time.After(time.Second):
	case <-r.Context().Done():
	}
}

type hooks struct{ client *http.Client }

// A webhook per subscriber, before responding.
func (h *hooks) publish(w http.ResponseWriter, r *http.Request) {
	for _, url := range r.Form["subscriber"] {
		h.client.Post(url, "application/json", strings.NewReader("{}")) // want `request handler hooks.publish sends one outbound HTTP request once per element of r.Form\["subscriber"\] \(loop at handlers.go:80\) before it responds`
	}
}

// Look-alike: one outbound call is not a fan-out (notimeout looks after its timeout).
func (h *hooks) single(w http.ResponseWriter, r *http.Request) {
	h.client.Get("http://upstream/health")
}

// Look-alike: the fan-out runs in the background.
func (h *hooks) publishAsync(w http.ResponseWriter, r *http.Request) {
	urls := r.Form["subscriber"]
	go func() {
		for _, url := range urls {
			h.client.Post(url, "application/json", strings.NewReader("{}"))
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}

// Look-alike: a retry helper's backoff sleep is not handler code.
func withRetry(f func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * 100 * time.Millisecond)
	}
	return err
}

func retrying(w http.ResponseWriter, r *http.Request) {
	withRetry(func() error { return nil })
}

// A retry loop written in the handler itself sleeps on the request path.
func retryInline(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		if notify("a@example.com") == nil {
			return
		}
		time.Sleep(time.Second) // want `request handler retryInline sleeps`
	}
}

func ginMail(c *gin.Context) {
	notify(c.PostForm("email")) // want `request handler ginMail sends mail synchronously`
}

// Look-alike: not a handler.
func warmUp(ctx context.Context) {
	time.Sleep(time.Second)
}

// Look-alike: padding a login to a constant time is deliberate.
func login(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	defer func() { time.Sleep(100*time.Millisecond - time.Since(start)) }()
	w.WriteHeader(http.StatusNoContent)
}

func login2(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	defer func() {
		if elapsed := time.Since(start).Milliseconds(); elapsed < 100 {
			time.Sleep(time.Duration(100-elapsed) * time.Millisecond)
		}
	}()
}

// A function with a handler's signature that is only called is a helper:
// its caller is the handler reported.
func renderWithMail(w http.ResponseWriter, r *http.Request) {
	notify("a@example.com")
}

func page(w http.ResponseWriter, r *http.Request) {
	renderWithMail(w, r) // want `request handler page sends mail synchronously`
}

// Look-alikes: a command whose output is the response (git's smart HTTP)
// is the response being produced, directly or through a helper given a
// value that carries the ResponseWriter.
func uploadPack(w http.ResponseWriter, r *http.Request) {
	cmd := exec.Command("git", "upload-pack", "--stateless-rpc", ".")
	cmd.Stdin = r.Body
	cmd.Stdout = w
	cmd.Run()
}

type gitService struct {
	Dir    string
	Stdout interface{ Write([]byte) (int, error) }
}

func runService(s *gitService) error {
	cmd := exec.Command("git", "receive-pack", s.Dir)
	cmd.Stdout = s.Stdout
	return cmd.Run()
}

func receivePack(w http.ResponseWriter, r *http.Request) {
	svc := &gitService{Dir: ".", Stdout: w}
	runService(svc)
}

// The same helper with a buffer: the command's output is read, the data
// the response is made of (a git repository read through git).
func receivePackBuffered(w http.ResponseWriter, r *http.Request) {
	var out strings.Builder
	svc := &gitService{Dir: ".", Stdout: &out}
	runService(svc)
	w.Write([]byte(out.String()))
}

// Look-alike: the files of a repository read with git's output.
func gistFiles(w http.ResponseWriter, r *http.Request) {
	out, err := exec.Command("git", "ls-tree", "HEAD").Output()
	if err != nil {
		return
	}
	w.Write(out)
}

// Positives: a command run for its effect, its output thrown away.
func reindex(w http.ResponseWriter, r *http.Request) {
	_, err := exec.Command("reindex", "--all").CombinedOutput() // want `request handler reindex runs an external command synchronously`
	if err != nil {
		return
	}
}

func rebuildSite(w http.ResponseWriter, r *http.Request) {
	cmd := exec.Command("hugo", "--minify")
	cmd.Stdout = nil
	cmd.Run() // want `request handler rebuildSite runs an external command synchronously`
}

// The same with gin: the command writes to c.Writer.
func ginExport(c *gin.Context) {
	cmd := exec.Command("pg_dump", "db")
	cmd.Stdout = c.Writer
	cmd.Run()
}

func dumpTo(out interface{ Write([]byte) (int, error) }) error {
	cmd := exec.Command("pg_dump", "db")
	cmd.Stdout = out
	return cmd.Run()
}

func ginExportHelper(c *gin.Context) {
	dumpTo(c.Writer)
}

func ginRoutes(r *gin.Engine) {
	r.GET("/export", ginExport)
	r.GET("/export2", ginExportHelper)
}

// Look-alike: the output is piped and the command waited for in a
// deferred literal.
func gitLog(w http.ResponseWriter, r *http.Request) {
	cmd := exec.Command("git", "log", "-n", "10")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		return
	}
	defer func(cmd *exec.Cmd) {
		cmd.Wait()
	}(cmd)
	buf := make([]byte, 4096)
	n, _ := stdout.Read(buf)
	w.Write(buf[:n])
}
