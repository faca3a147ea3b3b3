package org.zeitspende.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.zeitspende.testing.AskRows.Asked;

/**
 * Many answers to asks at once over HTTP through the JSON API, each reply reduced to what
 * the invariants need: the status, the outcome, and {@code Retry-After}. A request whose
 * reply does not come in time is recorded as unknown: it may or may not have taken a
 * slot.
 */
public final class AnswerBurst implements AutoCloseable {

	/**
	 * Requests in flight at once; the server's connection pool to PostgreSQL is smaller.
	 */
	public static final int IN_FLIGHT = 200;

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z_]+)\"");

	private final ConnectionProvider connections;

	private final WebClient http;

	/**
	 * A client without a reply timeout.
	 * @param port the service's port
	 */
	public AnswerBurst(int port) {
		this(port, null);
	}

	/**
	 * A client that gives up on a reply after a while.
	 * @param port the service's port
	 * @param replyTimeout how long to wait for a reply, or {@code null} for ever
	 */
	public AnswerBurst(int port, Duration replyTimeout) {
		this.connections = ConnectionProvider.builder("burst")
			.maxConnections(IN_FLIGHT)
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient client = HttpClient.create(this.connections);
		this.http = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.clientConnector(new ReactorClientHttpConnector(
					(replyTimeout != null) ? client.responseTimeout(replyTimeout) : client))
			.build();
	}

	/**
	 * Every helper says yes at once.
	 * @param helpers the helpers
	 * @return each helper's reply
	 */
	public Map<Asked, Reply> acceptAll(List<Asked> helpers) {
		return acceptAll(helpers, Mono::just);
	}

	/**
	 * Every helper says yes at once, each after a step of the test's own.
	 * @param helpers the helpers
	 * @param beforeEach runs before each request, e.g. to disturb a datastore mid-burst
	 * @return each helper's reply
	 */
	public Map<Asked, Reply> acceptAll(List<Asked> helpers, Function<Asked, Mono<Asked>> beforeEach) {
		return Flux.fromIterable(helpers)
			.flatMap((asked) -> beforeEach.apply(asked)
				.flatMap((each) -> accept(each.token()).map((reply) -> Map.entry(each, reply))), IN_FLIGHT)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);
	}

	/**
	 * One yes.
	 * @param token the ask's token
	 * @return the reply
	 */
	public Mono<Reply> accept(String token) {
		return post(token, "accept");
	}

	/**
	 * One answer.
	 * @param token the ask's token
	 * @param answer {@code accept}, {@code decline} or {@code withdraw}
	 * @return the reply; {@link Reply#UNKNOWN} when none came in time
	 */
	public Mono<Reply> post(String token, String answer) {
		return this.http.post()
			.uri("/api/asks/{token}/{answer}", token, answer)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Reply(response.statusCode().value(), outcome(body),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
			.onErrorResume(AnswerBurst::noReply, (ex) -> Mono.just(Reply.UNKNOWN));
	}

	/**
	 * Starts closing the client's connections, without waiting for them: the server would
	 * otherwise keep them open for the rest of the test run.
	 */
	@Override
	public void close() {
		this.connections.dispose();
	}

	/**
	 * The helpers whose reply was an outcome.
	 * @param replies the replies
	 * @param outcome e.g. {@code CONFIRMED}
	 * @return their ids
	 */
	public static Set<UUID> helpers(Map<Asked, Reply> replies, String outcome) {
		return helpers(replies, (reply) -> outcome.equals(reply.outcome()));
	}

	/**
	 * The helpers whose request got no reply.
	 * @param replies the replies
	 * @return their ids
	 */
	public static Set<UUID> unknown(Map<Asked, Reply> replies) {
		return helpers(replies, Reply::unknown);
	}

	/**
	 * The helpers whose reply was of a kind.
	 * @param replies the replies
	 * @param which which replies
	 * @return their ids
	 */
	public static Set<UUID> helpers(Map<Asked, Reply> replies, Predicate<Reply> which) {
		return replies.entrySet()
			.stream()
			.filter((entry) -> which.test(entry.getValue()))
			.map((entry) -> entry.getKey().helperId())
			.collect(Collectors.toSet());
	}

	// A timeout or a connection the server dropped: the request may have been processed.
	private static boolean noReply(Throwable ex) {
		return ex instanceof WebClientRequestException || ex instanceof ReadTimeoutException
				|| ex instanceof PrematureCloseException;
	}

	// Read by hand: thousands of replies decoded at once would contend for Jackson's
	// deserializer cache on the client's event loop.
	private static String outcome(String body) {
		Matcher outcome = OUTCOME.matcher(body);
		return outcome.find() ? outcome.group(1) : null;
	}

	/**
	 * What one request got back.
	 *
	 * @param status the HTTP status; 0 when no reply came
	 * @param outcome the outcome in the body, or {@code null}
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 */
	public record Reply(int status, String outcome, String retryAfter) {

		/** No reply in time. */
		public static final Reply UNKNOWN = new Reply(0, null, null);

		public boolean unknown() {
			return this.status == 0;
		}

	}

}
