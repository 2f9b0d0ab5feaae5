package stores

import (
	"context"

	"entgen"

	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type S struct {
	coll *mongo.Collection
	rdb  *redis.Client
	bdb  *bun.DB
	ent  *entgen.Client
}

func (s *S) mongoLoop(ctx context.Context, ids []string) {
	for _, id := range ids {
		s.coll.FindOne(ctx, bson.M{"_id": id}) // want `N\+1: \(\*mongo.Collection\).FindOne runs once per element of ids`
	}
}

// Look-alike: one Find with $in.
func (s *S) mongoIn(ctx context.Context, ids []string) error {
	cur, err := s.coll.Find(ctx, bson.M{"_id": bson.M{"$in": ids}})
	if err != nil {
		return err
	}
	for cur.Next(ctx) {
		var doc bson.M
		cur.Decode(&doc)
	}
	return nil
}

func (s *S) redisLoop(ctx context.Context, keys []string) {
	for _, k := range keys {
		s.rdb.Get(ctx, k) // want `N\+1: \(redis.cmdable\).Get runs once per element of keys.*MGET, or a pipeline`
	}
}

// Look-alike: a pipeline queues the commands and sends them once.
func (s *S) redisPipeline(ctx context.Context, keys []string) error {
	pipe := s.rdb.Pipeline()
	for _, k := range keys {
		pipe.Get(ctx, k)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// Look-alike: MGET.
func (s *S) redisMGet(ctx context.Context, keys []string) {
	s.rdb.MGet(ctx, keys...)
}

type Book struct{ ID int64 }

func (s *S) bunLoop(ctx context.Context, ids []int64) {
	for _, id := range ids {
		var b Book
		s.bdb.NewSelect().Model(&b).Where("id = ?", id).Scan(ctx) // want `N\+1: \(\*bun.SelectQuery\).Scan runs once per element of ids`
	}
}

func (s *S) entLoop(ctx context.Context, ids []int) {
	for _, id := range ids {
		s.ent.User.Get(ctx, id) // want `N\+1: \(\*entgen.UserClient\).Get runs once per element of ids`
	}
}

func (s *S) entQueryLoop(ctx context.Context, ids []int) {
	for _, id := range ids {
		s.ent.User.Query().Limit(id).Only(ctx) // want `N\+1: \(\*entgen.UserQuery\).Only runs once`
	}
}

// Look-alike: building ent queries in a loop without running them.
func (s *S) entBuild(ids []int) []*entgen.UserQuery {
	var qs []*entgen.UserQuery
	for range ids {
		qs = append(qs, s.ent.User.Query().Limit(1))
	}
	return qs
}
