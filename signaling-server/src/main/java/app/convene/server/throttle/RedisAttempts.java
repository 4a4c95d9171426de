package app.convene.server.throttle;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Attempt counters in Redis (Lettuce), shared by every server that uses the same Redis and key
 * prefix. A counter is one hash, {@code n} (count) and {@code t} (last attempt), that Redis expires
 * a window after its last attempt; one Lua script counts atomically. Lettuce's one connection is
 * thread-safe.
 */
final class RedisAttempts implements AttemptStore {
  private static final String ADD = """
      local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
      redis.call('HSET', KEYS[1], 't', ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return n""";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String prefix;

  RedisAttempts(String uri, String prefix) {
    this.client = RedisClient.create(uri);
    try {
      this.connection = client.connect();
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException("cannot reach the throttle's Redis: " + e.getMessage(), e);
    }
    this.redis = connection.sync();
    this.prefix = prefix;
  }

  @Override
  public Attempts add(String key, long nowMillis, Duration window) {
    Long count = redis.eval(ADD, ScriptOutputType.INTEGER, new String[] {prefix + key},
        Long.toString(nowMillis), Long.toString(window.toMillis()));
    return new Attempts(count.intValue(), nowMillis);
  }

  @Override
  public Optional<Attempts> get(String key, long nowMillis) {
    List<io.lettuce.core.KeyValue<String, String>> values = redis.hmget(prefix + key, "n", "t");
    if (values.size() < 2 || !values.get(0).hasValue() || !values.get(1).hasValue()) {
      return Optional.empty();
    }
    return Optional.of(new Attempts(Integer.parseInt(values.get(0).getValue()),
        Long.parseLong(values.get(1).getValue())));
  }

  @Override
  public void reset(String key) {
    redis.del(prefix + key);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
