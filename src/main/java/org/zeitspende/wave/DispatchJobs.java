package org.zeitspende.wave;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatch stream in Redis: jobs to plan a callout's due wave, shared by all replicas
 * through one consumer group. A job stays pending until its consumer acknowledges it; one
 * left unacknowledged too long, by a replica that stopped, is taken over by another.
 */
@Component
class DispatchJobs {

	/** The stream of jobs. */
	static final String STREAM = "dispatch";

	/** The consumer group every replica reads in. */
	static final String GROUP = "waves";

	private static final String CALLOUT = "callout";

	private final ReactiveStringRedisTemplate redis;

	private final WaveProperties properties;

	DispatchJobs(ReactiveStringRedisTemplate redis, WaveProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Adds a job to plan the callout's due wave. The stream keeps about the configured
	 * number of jobs; older ones were long acknowledged.
	 * @param calloutId the callout
	 * @return the job's id
	 */
	Mono<String> publish(UUID calloutId) {
		MapRecord<String, String, String> job = MapRecord.create(STREAM, Map.of(CALLOUT, calloutId.toString()));
		return this.redis.opsForStream()
			.add(job, XAddOptions.maxlen(this.properties.streamLength()).approximateTrimming(true))
			.map(RecordId::getValue);
	}

	/**
	 * Takes jobs that no consumer of the group has seen yet, creating the group on first
	 * use.
	 * @param consumer the name of the taking consumer
	 * @param count the most jobs
	 * @return the jobs, now pending for this consumer
	 */
	Flux<DispatchJob> take(String consumer, int count) {
		return read(consumer, count).onErrorResume(DispatchJobs::noGroup,
				(ex) -> createGroup().thenMany(read(consumer, count)));
	}

	/**
	 * Takes over jobs that stayed unacknowledged for at least the given time, whoever
	 * held them. XCLAIM with a minimum idle time takes a job only if it is still idle, so
	 * two replicas taking over at once never both get it.
	 * @param consumer the name of the taking consumer
	 * @param minIdle how long a job must have been idle
	 * @param count the most jobs
	 * @return the jobs, now pending for this consumer
	 */
	Flux<DispatchJob> reclaim(String consumer, Duration minIdle, int count) {
		return this.redis.opsForStream()
			.pending(STREAM, GROUP, Range.unbounded(), count)
			.flatMapMany((pending) -> Flux.fromIterable(pending))
			.filter((job) -> job.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0)
			.map(PendingMessage::getId)
			.collectList()
			.filter((ids) -> !ids.isEmpty())
			.flatMapMany((ids) -> this.redis.opsForStream()
				.claim(STREAM, GROUP, consumer, minIdle, ids.toArray(RecordId[]::new)))
			.map(DispatchJobs::job)
			.onErrorResume(DispatchJobs::noGroup, (ex) -> Flux.empty());
	}

	/**
	 * Marks a job done for the group.
	 * @param job the job
	 * @return completes when Redis acknowledged it
	 */
	Mono<Void> acknowledge(DispatchJob job) {
		return this.redis.opsForStream().acknowledge(STREAM, GROUP, RecordId.of(job.id())).then();
	}

	private Flux<DispatchJob> read(String consumer, int count) {
		return this.redis.opsForStream()
			.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(count),
					StreamOffset.create(STREAM, ReadOffset.lastConsumed()))
			.map(DispatchJobs::job);
	}

	// From the stream's start, so that jobs added before the group existed are read too.
	private Mono<Void> createGroup() {
		return this.redis
			.execute((connection) -> connection.streamCommands()
				.xGroupCreate(utf8(STREAM), GROUP, ReadOffset.from("0-0"), true))
			.onErrorResume((ex) -> message(ex).contains("BUSYGROUP"), (ex) -> Mono.empty())
			.then();
	}

	private static DispatchJob job(MapRecord<String, Object, Object> record) {
		Object callout = record.getValue().get(CALLOUT);
		return new DispatchJob(record.getId().getValue(), (callout != null) ? calloutId(callout.toString()) : null);
	}

	private static UUID calloutId(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean noGroup(Throwable ex) {
		return message(ex).contains("NOGROUP");
	}

	private static String message(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append(' ');
		}
		return messages.toString();
	}

	private static ByteBuffer utf8(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

}
