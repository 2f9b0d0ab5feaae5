package bodies

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `request handler upload reads the whole request body \(io.ReadAll at bodies.go:13\) with no size limit`
	w.Write(data)
}

type order struct{ ID int64 }

func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := decode(r, &o); err != nil { // want `request handler create reads the whole request body \(json.NewDecoder at bodies.go:20, through bodies.decode\)`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// Look-alike: the body is capped first.
func capped(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	json.NewDecoder(r.Body).Decode(&o)
}

// Look-alike: a response body in a client.
func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.ReadAll(resp.Body)
}

func ginCreate(c *gin.Context) {
	var o order
	c.ShouldBindJSON(&o) // want `request handler ginCreate reads the whole request body`
}

// fiber caps bodies at 4 MiB by default.
func fiberCreate(c *fiber.Ctx) error {
	var o order
	return c.BodyParser(&o)
}

// gin's Bind decodes the body by content type.
func ginBind(c *gin.Context) {
	var o order
	c.Bind(&o) // want `request handler ginBind reads the whole request body`
}

// Capping a response body (in a client) is not a request limit.
func fetchCapped(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultClient.Get("http://upstream/")
	if err != nil {
		return
	}
	body := http.MaxBytesReader(nil, resp.Body, 1<<20)
	io.ReadAll(body)
	io.ReadAll(r.Body) // want `request handler fetchCapped reads the whole request body`
}

// Forms on POST routes: a multipart upload has no total limit; ParseForm
// alone reads at most 10 MB (net/http's own cap) and leaves multipart
// bodies unread.
func formUpload(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // want `request handler formUpload`
	if err == nil {
		f.Close()
	}
}

func formLogin(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		return
	}
	_ = r.PostForm.Get("user")
}

func FormRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /upload", formUpload)
	mux.HandleFunc("POST /login", formLogin)
	mux.HandleFunc("/publish", publish) // any method: apilint does not know it is POST
	mux.HandleFunc("/search", search)
	mux.HandleFunc("POST /logs/import", importLogs)
	mux.HandleFunc("POST /orders/import-all", importAll)
}

// gin's ShouldBind reads the body only for methods that carry one: a
// handler registered for GET alone binds the query string.
func ginSearch(c *gin.Context) {
	var q order
	c.ShouldBind(&q)
}

func ginUpdate(c *gin.Context) {
	var o order
	c.ShouldBind(&o) // want `request handler ginUpdate reads the whole request body`
}

func ginRoutes(r *gin.Engine) {
	r.GET("/orders/search", ginSearch)
	r.PUT("/orders/:id", ginUpdate)
}

// A group's own path (""): still a GET route.
func ginList(c *gin.Context) {
	var q order
	c.Bind(&q)
}

func ginAdd(c *gin.Context) {
	var o order
	c.Bind(&o) // want `request handler ginAdd reads the whole request body`
}

func ginGroup(g *gin.RouterGroup) {
	g.GET("", ginList)
	g.POST("", ginAdd)
}

// signature hashes a request's body: the body of whichever request it is
// handed.
func signature(req *http.Request) string {
	b, _ := io.ReadAll(req.Body)
	return string(b)
}

// Look-alike: the handler signs a request it builds and sends; the body
// read is the program's own.
func forward(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("POST", "http://upstream/hook", nil)
	req.Header.Set("X-Signature", signature(req))
	http.DefaultClient.Do(req)
}

// The handler checks the signature of the request it serves: reported.
func verify(w http.ResponseWriter, r *http.Request) {
	if signature(r) == "" { // want `request handler verify reads the whole request body \(io.ReadAll at bodies.go:\d+, through bodies.signature\)`
		http.Error(w, "bad signature", http.StatusUnauthorized)
	}
}

func SignedRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /forward", forward)
	mux.HandleFunc("POST /verify", verify)
	mux.HandleFunc("POST /verify2", verifier())
}

// A handler factory's closure serves the request it is given: reported.
func verifier() func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if signature(r) == "" { // want `request handler verifier \(func literal\) reads the whole request body`
			http.Error(w, "bad signature", http.StatusUnauthorized)
		}
	}
}

// A form value read first, then the body decoded: whatever its route, the
// handler reads the whole body (writefreely's newPost reads ?collection=
// with FormValue before it decodes the post).
func publish(w http.ResponseWriter, r *http.Request) {
	alias := r.FormValue("collection")
	var o order
	json.NewDecoder(r.Body).Decode(&o) // want `request handler publish reads the whole request body \(json.NewDecoder at bodies.go:\d+\)`
	_ = alias
}

// Look-alike: a form value alone, on a route apilint cannot see, may be
// the query string's.
func search(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("q")
}

// An NDJSON import: one value decoded at a time and handed on, the body
// never held whole.
func importLogs(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(r.Body)
	for {
		var o order
		if err := dec.Decode(&o); err != nil {
			return
		}
		_ = o
	}
}

// The real one: the values decoded one at a time are all kept.
func importAll(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(r.Body) // want `request handler importAll reads the whole request body`
	var all []order
	for {
		var o order
		if err := dec.Decode(&o); err != nil {
			break
		}
		all = append(all, o)
	}
	_ = all
}
