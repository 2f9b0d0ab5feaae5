// Package settingcache is a settings cache with package functions over a pluggable
// driver, the shape of cloudreve's pkg/cache.
package settingcache

// Driver stores values: in memory or in redis.
type Driver interface {
	Get(key string) (any, bool)
	Set(key string, value any, ttl int) error
}

// Store is the process's driver.
var Store Driver

// Get looks key up.
func Get(key string) (any, bool) { return Store.Get(key) }

// Set stores value under key.
func Set(key string, value any, ttl int) error { return Store.Set(key, value, ttl) }

// Gateway is a connection the process keeps.
type Gateway struct {
	ID        string
	Connected bool
}

// Manager holds the process's gateways, filled at start and on change
// (next-terminal's gateway manager).
type Manager struct{ gateways map[string]*Gateway }

// GetByID only returns a map entry: nil when the gateway is not loaded.
func (m *Manager) GetByID(id string) *Gateway { return m.gateways[id] }

// Gateways is the process's manager.
var Gateways = &Manager{gateways: map[string]*Gateway{}}
