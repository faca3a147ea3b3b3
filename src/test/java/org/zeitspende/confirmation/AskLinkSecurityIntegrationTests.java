package org.zeitspende.confirmation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link in an ask is the helper's only key: opening it changes nothing, whoever opens
 * it; guessing finds nothing and is soon limited; the page leaks it nowhere, and the log
 * never holds it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AskLinkSecurityIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	// Link previews, mail scanners and command-line clients that open links unasked.
	private static final List<String> SCANNERS = List.of(
			"Mozilla/5.0 (compatible; MSOffice 16; Microsoft Outlook 16.0; ms-office; SafeLinks)",
			"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
			"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0 A",
			"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
			"TelegramBot (like TwitterBot)", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0");

	private static final int GUESSES = 100_000;

	private static final int GUESSES_OVER_HTTP = 1_000;

	private static final int GUESSES_IN_FLIGHT = 64;

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@LocalServerPort
	int port;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void getAndHead_byScannersAndPreviews_changeNothing() {
		UUID callout = callout();
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		for (String agent : SCANNERS) {
			this.client.head()
				.uri("/c/{token}", helper.token())
				.header(HttpHeaders.USER_AGENT, agent)
				.exchange()
				.expectStatus()
				.isOk();
			this.client.get()
				.uri("/c/{token}", helper.token())
				.header(HttpHeaders.USER_AGENT, agent)
				.exchange()
				.expectStatus()
				.isOk();
			this.client.get()
				.uri("/api/asks/{token}", helper.token())
				.header(HttpHeaders.USER_AGENT, agent)
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(number("select count(*) from confirmation where callout_id = :id", callout)).isZero();
		assertThat(number("select filled from callout where id = :id", callout)).isZero();
		assertThat(number("select count(*) from ask where callout_id = :id and status = 'SENT'", callout)).isOne();
	}

	@Test
	void everyAnswerToALink_forbidsReferrerCachingAndEverythingButItsOwnStyle() {
		UUID callout = callout();
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		List<WebTestClient.ResponseSpec> pages = List.of(
				this.client.head().uri("/c/{token}", helper.token()).exchange(),
				this.client.get().uri("/c/{token}", helper.token()).exchange(),
				this.client.post()
					.uri("/c/{token}", helper.token())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(BodyInserters.fromFormData("answer", "yes"))
					.exchange(),
				this.client.get().uri("/c/{token}", AskRows.token()).exchange());
		for (WebTestClient.ResponseSpec page : pages) {
			page.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("no-store"))
				.expectHeader()
				.value("Content-Security-Policy", AskLinkSecurityIntegrationTests::strict);
		}
		List<WebTestClient.ResponseSpec> json = List.of(
				this.client.get().uri("/api/asks/{token}", helper.token()).exchange(),
				this.client.post().uri("/api/asks/{token}/accept", helper.token()).exchange(),
				this.client.get().uri("/api/asks/{token}", AskRows.token()).exchange());
		for (WebTestClient.ResponseSpec answer : json) {
			answer.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void guessedTokens_findNothing_andTripThePerAddressLimit() {
		// An address of its own in 127.0.0.0/8, so that the limit it trips binds no other
		// test.
		String address = "127.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
				ThreadLocalRandom.current().nextInt(1, 255), ThreadLocalRandom.current().nextInt(1, 255));
		ConnectionProvider connections = ConnectionProvider.builder("guesses")
			.maxConnections(GUESSES_IN_FLIGHT)
			.pendingAcquireMaxCount(-1)
			.build();
		WebClient guesser = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(
					HttpClient.create(connections).bindAddress(() -> new InetSocketAddress(address, 0))))
			.build();

		Map<Integer, Long> statuses = Flux.fromIterable(tokens(GUESSES_OVER_HTTP))
			.flatMap(
					(token) -> guesser.get()
						.uri("/api/asks/{token}", token)
						.exchangeToMono((response) -> response.releaseBody()
							.thenReturn(new Guess(response.statusCode().value(),
									response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)))),
					GUESSES_IN_FLIGHT)
			.doOnNext((guess) -> {
				if (guess.status() == 429) {
					assertThat(guess.retryAfter()).as("Retry-After of a 429").isNotBlank();
				}
			})
			.collect(Collectors.groupingBy(Guess::status, Collectors.counting()))
			.doFinally((signal) -> connections.dispose())
			.block(Duration.ofMinutes(2));

		assertThat(statuses).containsOnlyKeys(404, 429);
		// The limit's capacity first (a miss Redis cannot count under load is let through
		// as a 404: it still finds nothing).
		assertThat(statuses.get(404)).isGreaterThanOrEqualTo(30);
		assertThat(statuses.get(429)).isPositive();
	}

	@Test
	void aHundredThousandGuessedTokens_matchNoStoredHash() {
		// Over HTTP from one address all but the first few would only meet the limit, and
		// each takes a round trip: the hashes are compared as the lookup does, in one
		// query.
		long found = this.database.sql("""
				select count(*) from ask
				where token_hash in (select sha256(convert_to(token, 'UTF8')) from unnest(:tokens::text[]) as token)""")
			.bind("tokens", tokens(GUESSES).toArray(String[]::new))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofMinutes(1));

		assertThat(found).isZero();
	}

	@Test
	void tokens_neverAppearInTheLog(CapturedOutput output) {
		UUID callout = callout();
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		String unknown = AskRows.token();

		this.client.get().uri("/c/{token}", unknown).exchange().expectStatus().isNotFound();
		this.client.post().uri("/api/asks/{token}/accept", unknown).exchange().expectStatus().isNotFound();
		this.client.put().uri("/api/asks/{token}/accept", unknown).exchange().expectStatus().is4xxClientError();
		this.client.get().uri("/c/{token}", helper.token()).exchange().expectStatus().isOk();
		this.client.get().uri("/api/asks/{token}", helper.token()).exchange().expectStatus().isOk();
		this.client.post()
			.uri("/c/{token}", helper.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("answer", "yes"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post().uri("/api/asks/{token}/withdraw", helper.token()).exchange().expectStatus().isOk();

		assertThat(output).doesNotContain(unknown).doesNotContain(helper.token());
	}

	// Drawn on the test's thread: SecureRandom may block, and an event loop must not.
	private static List<String> tokens(int count) {
		return Stream.generate(AskRows::token).limit(count).toList();
	}

	private static void strict(String policy) {
		Map<String, String> directives = List.of(policy.split(";"))
			.stream()
			.map(String::trim)
			.collect(Collectors.toMap((directive) -> directive.split(" ", 2)[0],
					(directive) -> directive.split(" ", 2)[1], (first, second) -> first));
		assertThat(directives).containsEntry("default-src", "'none'")
			.containsEntry("form-action", "'self'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("frame-ancestors", "'none'")
			.doesNotContainKeys("script-src", "img-src", "connect-src");
		assertThat(directives.get("style-src")).matches("'sha256-[A-Za-z0-9+/=]+'");
		assertThat(policy).doesNotContain("unsafe", "*", "http");
	}

	private UUID callout() {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 2);
	}

	private long number(String sql, UUID callout) {
		return this.database.sql(sql)
			.bind("id", callout)
			.map((row) -> ((Number) row.get(0)).longValue())
			.one()
			.block(TIMEOUT);
	}

	record Guess(int status, String retryAfter) {
	}

}
