package org.zeitspende.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stand-in for Twilio's REST API (WireMock), started once per test JVM on a free port.
 * <p>
 * It creates messages like Twilio does: {@code 201} with a message resource in the shape
 * of the OpenAPI description's example. Replies queued with {@link #failNext} and friends
 * are used first, one per request, in order. Point the service at it with <pre>
 * registry.add("zeitspende.twilio.account-sid", TwilioStub::accountSid);
 * registry.add("zeitspende.twilio.auth-token", TwilioStub::authToken);
 * registry.add("zeitspende.twilio.base-url", () -&gt; TwilioStub.get().baseUrl());
 * </pre> and call {@link #reset()} before each test. With {@link #limitTo} it enforces a
 * rate like Twilio's API does: {@code 429} with error 20429 beyond it.
 */
public final class TwilioStub {

	private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	private static final String AUTH_TOKEN = "stub-auth-token";

	private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/[^/]+/Messages\\.json");

	private static final int RATE_LIMITED = 20429;

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private static final TwilioStub INSTANCE = new TwilioStub();

	private final Queue<ResponseDefinitionBuilder> replies = new ConcurrentLinkedQueue<>();

	private final AtomicLong created = new AtomicLong();

	// When the messages of the last second were created, oldest first; guarded by itself.
	private final Deque<Long> createdWithinSecond = new ArrayDeque<>();

	private volatile int messagesPerSecond;

	private final WireMockServer server;

	private TwilioStub() {
		this.server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(new Replies()));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop, "twilio-stub-stop"));
		stubMessages();
	}

	/**
	 * The stub, started on first use.
	 * @return the stub
	 */
	public static TwilioStub get() {
		return INSTANCE;
	}

	/**
	 * The account SID the stub expects (any valid SID works; this one is for the config).
	 * @return the account SID
	 */
	public static String accountSid() {
		return ACCOUNT_SID;
	}

	/**
	 * An auth token for the config.
	 * @return the token
	 */
	public static String authToken() {
		return AUTH_TOKEN;
	}

	/**
	 * Where the stub listens, for {@code zeitspende.twilio.base-url}.
	 * @return such as {@code http://127.0.0.1:41234}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Forgets the received requests and the queued replies.
	 */
	public void reset() {
		this.replies.clear();
		limitTo(0);
		this.server.resetAll();
		stubMessages();
	}

	/**
	 * Creates at most this many messages in any one second (a sliding window) and answers
	 * the requests beyond with {@code 429} and Twilio's error 20429, as Twilio's API
	 * does.
	 * @param messagesPerSecond the limit; 0 for none
	 * @return this stub
	 */
	public TwilioStub limitTo(int messagesPerSecond) {
		synchronized (this.createdWithinSecond) {
			this.createdWithinSecond.clear();
			this.messagesPerSecond = messagesPerSecond;
		}
		return this;
	}

	/**
	 * Answers the next requests with a Twilio error.
	 * @param times how many requests
	 * @param status the HTTP status, such as 400
	 * @param code Twilio's error code, such as 21610
	 * @return this stub
	 */
	public TwilioStub failNext(int times, int status, int code) {
		for (int i = 0; i < times; i++) {
			this.replies.add(error(status, code));
		}
		return this;
	}

	/**
	 * Answers the next request only after a delay, then creates the message.
	 * @param delay how long to keep the caller waiting
	 * @return this stub
	 */
	public TwilioStub delayNext(Duration delay) {
		this.replies.add(WireMock.aResponse().withFixedDelay((int) delay.toMillis()));
		return this;
	}

	/**
	 * Breaks the connection on the next request, after reading it.
	 * @param fault how, such as {@link Fault#CONNECTION_RESET_BY_PEER}
	 * @return this stub
	 */
	public TwilioStub faultNext(Fault fault) {
		this.replies.add(WireMock.aResponse().withFault(fault));
		return this;
	}

	/**
	 * The requests received since the last reset.
	 * @return them, oldest first
	 */
	public List<TwilioRequest> requests() {
		List<TwilioRequest> requests = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			requests.add(toRequest(event.getRequest()));
		}
		Collections.reverse(requests);
		return requests;
	}

	/**
	 * The requests received since the last reset, each with when it came and the status
	 * it was answered with.
	 * @return them, oldest first
	 */
	public List<TwilioExchange> exchanges() {
		List<TwilioExchange> exchanges = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			exchanges.add(new TwilioExchange(event.getRequest().getLoggedDate().toInstant(),
					toRequest(event.getRequest()), event.getResponse().getStatus()));
		}
		Collections.reverse(exchanges);
		return exchanges;
	}

	/**
	 * The form fields of the requests received since the last reset.
	 * @return one map per request, oldest first
	 */
	public List<Map<String, List<String>>> forms() {
		return requests().stream().map(TwilioRequest::form).toList();
	}

	/**
	 * Asserts that every request since the last reset conforms to Twilio's OpenAPI
	 * description.
	 */
	public void assertEveryRequestMatchesTheApiDescription() {
		for (TwilioRequest request : requests()) {
			assertThat(TwilioApiDescription.get().violations(request)).as("%s %s", request.method(), request.path())
				.isEmpty();
		}
	}

	private void stubMessages() {
		this.server.stubFor(WireMock.post(WireMock.urlPathMatching(MESSAGES.pattern()))
			.willReturn(WireMock.aResponse().withStatus(201)));
	}

	private static ResponseDefinitionBuilder error(int status, int code) {
		String body = JsonNodeFactory.instance.objectNode()
			.put("code", code)
			.put("message", "Stubbed Twilio error " + code)
			.put("more_info", "https://www.twilio.com/docs/errors/" + code)
			.put("status", status)
			.toString();
		return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	// Takes a place in the last second's window, or none when it is full.
	private boolean withinLimit() {
		int limit = this.messagesPerSecond;
		if (limit <= 0) {
			return true;
		}
		long now = System.nanoTime();
		synchronized (this.createdWithinSecond) {
			while (!this.createdWithinSecond.isEmpty() && now - this.createdWithinSecond.peekFirst() >= SECOND) {
				this.createdWithinSecond.pollFirst();
			}
			if (this.createdWithinSecond.size() >= limit) {
				return false;
			}
			this.createdWithinSecond.addLast(now);
			return true;
		}
	}

	private static TwilioRequest toRequest(LoggedRequest request) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return new TwilioRequest(request.getMethod().value(), (query < 0) ? url : url.substring(0, query),
				request.getHeader("Content-Type"), request.getHeader("Authorization"),
				TwilioRequest.parseForm(request.getBodyAsString()));
	}

	private String createdMessage(TwilioRequest request) {
		ObjectNode message = (ObjectNode) TwilioApiDescription.get().createdMessageExample();
		String sid = "SM" + "%032x".formatted(this.created.incrementAndGet());
		message.put("sid", sid);
		message.put("account_sid", request.path().split("/")[3]);
		message.put("to", request.field("To"));
		message.put("from", request.field("From"));
		message.put("messaging_service_sid", request.field("MessagingServiceSid"));
		message.put("body", request.field("Body"));
		message.put("status", "queued");
		message.put("uri", request.path().replace(".json", "/" + sid + ".json"));
		return JsonMapper.builder().build().writeValueAsString(message);
	}

	/**
	 * Queued replies first; otherwise, within the limit, a created message that echoes
	 * the request.
	 */
	private final class Replies implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			LoggedRequest request = event.getRequest();
			if (!"POST".equals(request.getMethod().value()) || !MESSAGES.matcher(request.getUrl()).matches()) {
				return event.getResponseDefinition();
			}
			ResponseDefinitionBuilder reply = TwilioStub.this.replies.poll();
			if (reply == null) {
				reply = WireMock.aResponse();
			}
			ResponseDefinition queued = reply.build();
			if (queued.getStatus() >= 400 || queued.getFault() != null) {
				return queued;
			}
			if (!withinLimit()) {
				return error(429, RATE_LIMITED).build();
			}
			return reply.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(createdMessage(toRequest(request)))
				.build();
		}

		@Override
		public String getName() {
			return "twilio-replies";
		}

	}

}
