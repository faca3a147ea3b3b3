package org.zeitspende.engagement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest goes once a week to helpers who agreed to it, with the new profiles
 * that fit them, and never twice, even when replicas run it at once. Each test runs the
 * job at its own instant weeks ahead, with profiles created just before it, so that
 * profiles of other tests are too old to count.
 */
@IntegrationTest
class WeeklyDigestIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final GreenMailExtension SMTP = Mailbox.smtpServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	WeeklyDigest digest;

	Tokens tokens;

	Tenant organisation;

	@BeforeEach
	void setUp() {
		this.tokens = Tokens.of(this.environment);
		this.organisation = new Tenants(this.database).approved();
	}

	@Test
	void optedInHelper_getsOneDigestWithTheFittingProfilesBestFirst_andNoSecondInTheSameWeek() {
		Instant now = instantWeeksAhead(10);
		UUID helper = optedIn(helperIn("walkenried", "fahrdienst").hoursPerWeek(4).skills("fuehrerschein").insert());
		profile("Fahrdienst Walkenried", "fahrdienst", "walkenried", 4, now.minus(Duration.ofDays(2)));
		profile("Fahrdienst mit Führerschein", "fahrdienst", "walkenried", 4, now.minus(Duration.ofDays(1)),
				"fuehrerschein");
		profile("Dolmetschen in Rosdorf", "dolmetschen", "rosdorf", 4, now.minus(Duration.ofDays(1)), "arabisch");
		profile("Fahrdienst, schon alt", "fahrdienst", "walkenried", 4, now.minus(Duration.ofDays(8)));
		profile("Fahrdienst, viel Zeit", "fahrdienst", "walkenried", 20, now.minus(Duration.ofDays(1)), "bus");

		assertThat(this.digest.run(now).block(TIMEOUT)).isGreaterThanOrEqualTo(1);

		String text = Mailbox.text(Mailbox.receivedBy(SMTP, email(helper)));
		assertThat(text).contains("Fahrdienst Walkenried", "Fahrdienst mit F", "/api/public/requirement-profiles/")
			.doesNotContain("Dolmetschen in Rosdorf", "schon alt", "viel Zeit");
		assertThat(text.indexOf("Fahrdienst mit F")).as("newer first among equal scores")
			.isLessThan(text.indexOf("Fahrdienst Walkenried"));

		profile("Fahrdienst, noch einer", "fahrdienst", "walkenried", 4, now.plus(Duration.ofHours(1)));
		this.digest.run(now.plus(Duration.ofHours(2))).block(TIMEOUT);
		assertThat(received(helper)).as("one digest a week").hasSize(1);
		assertThat(claims(helper)).containsExactly("SENT");
	}

	@Test
	void helpersWithoutConsentOrWithoutAFittingProfile_getNothing() {
		Instant now = instantWeeksAhead(20);
		UUID withoutConsent = helperIn("walkenried", "fahrdienst").hoursPerWeek(4).insert();
		UUID withdrawn = optedIn(helperIn("walkenried", "fahrdienst").hoursPerWeek(4).insert());
		withdraw(withdrawn);
		UUID paused = optedIn(helperIn("walkenried", "fahrdienst").hoursPerWeek(4)
			.pausedUntil(Instant.now().plus(Duration.ofDays(1000)))
			.insert());
		UUID nothingFits = optedIn(helperIn("walkenried", "fahrdienst").activities().hoursPerWeek(0).insert());
		profile("Fahrdienst Walkenried", "fahrdienst", "walkenried", 4, now.minus(Duration.ofDays(1)));

		this.digest.run(now).block(TIMEOUT);

		for (UUID helper : List.of(withoutConsent, withdrawn, paused, nothingFits)) {
			assertThat(received(helper)).isEmpty();
			assertThat(claims(helper)).isEmpty();
		}
	}

	@Test
	void twoRunsAtOnce_sendOneDigest() {
		Instant now = instantWeeksAhead(30);
		List<UUID> helpers = List.of(optedIn(helperIn("bad-sachsa", "fahrdienst").hoursPerWeek(4).insert()),
				optedIn(helperIn("bad-sachsa", "fahrdienst").hoursPerWeek(4).insert()),
				optedIn(helperIn("bad-sachsa", "fahrdienst").hoursPerWeek(4).insert()));
		profile("Fahrdienst Bad Sachsa", "fahrdienst", "bad-sachsa", 4, now.minus(Duration.ofDays(1)));

		List<Long> sent = Flux.range(0, 4)
			.flatMap((run) -> this.digest.run(now).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(TIMEOUT);

		assertThat(sent.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(helpers.size());
		for (UUID helper : helpers) {
			assertThat(claims(helper)).containsExactly("SENT");
			assertThat(received(helper)).hasSize(1);
		}
	}

	private HelperRows.Builder helperIn(String place, String activity) {
		return new HelperRows(this.database).helper(place, activity);
	}

	private UUID optedIn(UUID helper) {
		this.client.put()
			.uri("/api/me/consents/EMAIL/DIGEST")
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("textVersion", "2025-12-01"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consents[?(@.channel == 'EMAIL' && @.purpose == 'DIGEST')].state")
			.isEqualTo("CONFIRMED");
		return helper;
	}

	private void withdraw(UUID helper) {
		this.client.delete()
			.uri("/api/me/consents/EMAIL/DIGEST")
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void profile(String title, String activity, String place, int hours, Instant createdAt,
			String... requiredSkills) {
		this.database.sql("""
				insert into requirement_profile (organisation_id, created_by, title, activity_code, places,
				    required_skills, hours_per_week, commitment, volunteers_sought, created_at)
				values (:organisation, :createdBy, :title, :activity, :places, :skills, :hours, 'REGULAR', 1,
				    :createdAt)""")
			.bind("organisation", this.organisation.id())
			.bind("createdBy", this.organisation.admin().id())
			.bind("title", title)
			.bind("activity", activity)
			.bind("places", new String[] { place })
			.bind("skills", requiredSkills)
			.bind("hours", (short) hours)
			.bind("createdAt", createdAt.atOffset(ZoneOffset.UTC))
			.then()
			.block(TIMEOUT);
	}

	private List<MimeMessage> received(UUID helper) {
		String address = email(helper);
		return List.of(SMTP.getReceivedMessages()).stream().filter((message) -> recipientIs(message, address)).toList();
	}

	private static boolean recipientIs(MimeMessage message, String address) {
		try {
			return message.getAllRecipients()[0].toString().contains(address);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> claims(UUID helper) {
		return this.database.sql("select status from requirement_digest where helper_id = :helper")
			.bind("helper", helper)
			.map((row) -> row.get("status", String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private String email(UUID helper) {
		return new HelperRows(this.database).email(helper);
	}

	// A Wednesday noon weeks ahead: within one week (UTC) for a few days either side.
	private static Instant instantWeeksAhead(int weeks) {
		Instant wednesday = Instant.now()
			.atOffset(ZoneOffset.UTC)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.WEDNESDAY))
			.truncatedTo(ChronoUnit.DAYS)
			.plusHours(12)
			.toInstant();
		return wednesday.plus(Duration.ofDays(7L * weeks));
	}

}
