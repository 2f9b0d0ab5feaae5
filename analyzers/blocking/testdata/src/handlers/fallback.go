package handlers

import (
	"errors"
	"net/http"
)

type profile struct{ name string }

func localProfile(id string) (*profile, error) { return nil, errors.New("no profile") }

// remoteProfile asks every bridge in turn whether it knows the user.
func remoteProfile(id string, bridges []string) (*profile, error) {
	for _, b := range bridges {
		http.DefaultClient.Get(b + "/users/" + id)
	}
	return nil, errors.New("unknown")
}

// Look-alike: the bridges are asked only when the local lookup failed
// (dendrite's RetrieveUserProfile): a fallback, not the request's path.
func lookupProfile(id string, bridges []string) (*profile, error) {
	p, err := localProfile(id)
	if err == nil {
		return p, nil
	}
	return remoteProfile(id, bridges)
}

func roomCreator(w http.ResponseWriter, r *http.Request) {
	lookupProfile(r.FormValue("creator"), r.Form["bridge"])
}

// The bridges asked every time.
func lookupEverywhere(id string, bridges []string) (*profile, error) {
	p, err := localProfile(id)
	if err != nil {
		return nil, err
	}
	remoteProfile(id, bridges)
	return p, nil
}

func roomMember(w http.ResponseWriter, r *http.Request) {
	lookupEverywhere(r.FormValue("member"), r.Form["bridge"]) // want `request handler roomMember sends one outbound HTTP request once per element`
}
