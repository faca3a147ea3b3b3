package org.zeitspende.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.ratelimit.RateLimitProperties.Limit;

/**
 * Token buckets in Redis, one decision per script call: the script refills, checks and
 * takes from all buckets of a request at once, so concurrent requests and replicas never
 * see a count between check and take.
 */
@Service
class RedisRateLimiter implements RateLimiter {

	static final String EXCEEDED_METRIC = "zeitspende.rate_limit.exceeded";

	private static final Log log = LogFactory.getLog(RedisRateLimiter.class);

	private static final FailureStreak.Wording REFUSALS = new FailureStreak.Wording("refuses", "refused",
			"lets requests through again");

	private final ReactiveStringRedisTemplate redis;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> script;

	private final Map<String, Limit> limits;

	private final Map<String, Counter> exceeded;

	// Without Redis every limited request fails to be counted.
	private final FailureStreak counting;

	// A client over a limit could write a line per request it sends; each limit's
	// refusals are a streak instead. Most limits count per client or recipient, so
	// another's request let through says nothing of this one's: a streak ends only when
	// a minute passed without a refusal, at the next one.
	private final Map<String, FailureStreak> refusals;

	@SuppressWarnings("rawtypes")
	RedisRateLimiter(ReactiveStringRedisTemplate redis,
			@Qualifier(RateLimitConfiguration.TOKEN_BUCKET_SCRIPT) RedisScript<List> script, RateLimitProperties limits,
			MeterRegistry meters) {
		Clock clock = Clock.systemUTC();
		this.redis = redis;
		this.script = script;
		this.limits = Map.copyOf(limits);
		// Registered up front, so that every limit shows 0 before its first refusal.
		this.exceeded = limits.keySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(), (limit) -> exceededCounter(limit, meters)));
		this.counting = new FailureStreak(log, "Counting rate limits", "request", clock);
		this.refusals = limits.keySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					(limit) -> new FailureStreak(log, "Rate limit " + limit, "request", REFUSALS, clock)));
	}

	@Override
	public Mono<Void> consume(List<RateLimitKey> keys) {
		List<Bucket> buckets = buckets(keys);
		if (buckets.isEmpty()) {
			return Mono.empty();
		}
		return this.redis.execute(this.script, redisKeys(buckets), arguments(buckets))
			.next()
			.doOnNext((answer) -> this.counting.succeeded())
			.onErrorMap(RedisRateLimiter::isUnreachable, this::unavailable)
			.flatMap(decide(buckets))
			.checkpoint("ratelimit.consume");
	}

	private List<Bucket> buckets(List<RateLimitKey> keys) {
		Map<String, Bucket> buckets = new LinkedHashMap<>();
		for (RateLimitKey key : keys) {
			Limit limit = this.limits.get(key.limit());
			if (limit == null) {
				throw new IllegalArgumentException("No rate limit named '" + key.limit() + "' is configured under "
						+ "zeitspende.rate-limits; known: " + this.limits.keySet().stream().sorted().toList());
			}
			String redisKey = RateLimitKeys.of(key);
			buckets.putIfAbsent(redisKey, new Bucket(key.limit(), limit, redisKey));
		}
		return List.copyOf(buckets.values());
	}

	private static List<String> redisKeys(List<Bucket> buckets) {
		return buckets.stream().map(Bucket::redisKey).toList();
	}

	private static List<String> arguments(List<Bucket> buckets) {
		List<String> arguments = new ArrayList<>(buckets.size() * 2);
		for (Bucket bucket : buckets) {
			arguments.add(Integer.toString(bucket.limit().capacity()));
			arguments.add(Long.toString(bucket.limit().periodMillis()));
		}
		return arguments;
	}

	// The script answers {0} when it took the tokens, else {wait in ms, 1-based index of
	// the bucket that needs longest}.
	@SuppressWarnings("rawtypes")
	private Function<List, Mono<Void>> decide(List<Bucket> buckets) {
		return (answer) -> {
			long waitMillis = ((Number) answer.get(0)).longValue();
			if (waitMillis == 0) {
				return Mono.empty();
			}
			Bucket limiting = buckets.get(((Number) answer.get(1)).intValue() - 1);
			return Mono.error(refuse(limiting.name(), Duration.ofMillis(waitMillis)));
		};
	}

	private RateLimitExceededException refuse(String limit, Duration retryAfter) {
		this.exceeded.get(limit).increment();
		RateLimitExceededException refusal = new RateLimitExceededException(limit, retryAfter);
		// The limit's name only: subjects are personal data.
		this.refusals.get(limit)
			.failed(refusal, (before) -> log.warn("Rate limit " + limit + " exceeded; the client may retry after "
					+ refusal.getHeaders().getFirst("Retry-After") + " s" + before));
		return refusal;
	}

	private static boolean isUnreachable(Throwable error) {
		return error instanceof DataAccessResourceFailureException || error instanceof TransientDataAccessException;
	}

	private Throwable unavailable(Throwable error) {
		this.counting.failed(error, (before) -> log.warn("Rate limits could not be counted, so the request is refused: "
				+ FailureStreak.reason(error) + before));
		return new RateLimitsUnavailableException(error);
	}

	private static Counter exceededCounter(String limit, MeterRegistry meters) {
		return Counter.builder(EXCEEDED_METRIC)
			.description("Requests refused because a rate limit had no token left")
			.tag("limit", limit)
			.register(meters);
	}

	private record Bucket(String name, Limit limit, String redisKey) {
	}

}
