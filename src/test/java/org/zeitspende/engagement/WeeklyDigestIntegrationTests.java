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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.ask.AskOutbox;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.MatchProfiles;
import org.zeitspende.testing.CalloutRows;
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
@ExtendWith(OutputCaptureExtension.class)
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

	@Autowired
	AskOutbox asks;

	@Autowired
	ApplicationContext context;

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

	@Test
	void helpersWhoChangeAfterPlanning_areCheckedAgainRightBeforeSending() {
		Instant now = instantWeeksAhead(40);
		UUID unchanged = optedIn(helperIn("hoerden", "handwerk").insert());
		UUID pausedMeanwhile = optedIn(helperIn("hoerden", "handwerk").insert());
		UUID unverifiedMeanwhile = optedIn(helperIn("hoerden", "handwerk").insert());
		UUID withdrawnMeanwhile = optedIn(helperIn("hoerden", "handwerk").insert());
		UUID erasedMeanwhile = optedIn(helperIn("hoerden", "handwerk").insert());
		UUID askedMeanwhile = optedIn(helperIn("hoerden", "handwerk").maxAsksPerWeek(1).insert());
		List<UUID> mine = List.of(unchanged, pausedMeanwhile, unverifiedMeanwhile, withdrawnMeanwhile, erasedMeanwhile,
				askedMeanwhile);
		String erasedAddress = email(erasedMeanwhile);
		profile("Reparaturcafé Hörden", "handwerk", "hoerden", 2, now.minus(Duration.ofDays(1)));

		List<WeeklyDigest.Digest> planned = this.digest.due(now)
			.filter((digest) -> mine.contains(digest.helperId()))
			.collectList()
			.block(TIMEOUT);
		assertThat(planned).extracting(WeeklyDigest.Digest::helperId).containsExactlyInAnyOrderElementsOf(mine);

		update("update helper set paused_until = now() + interval '30 days' where id = :helper", pausedMeanwhile);
		update("update helper set email_verified_at = null where id = :helper", unverifiedMeanwhile);
		withdraw(withdrawnMeanwhile);
		erase(erasedMeanwhile);
		asked(askedMeanwhile, now.minus(Duration.ofHours(1)));
		for (WeeklyDigest.Digest digest : planned) {
			this.digest.deliver(digest, now).block(TIMEOUT);
		}

		assertThat(received(unchanged)).hasSize(1);
		assertThat(claims(unchanged)).containsExactly("SENT");
		for (UUID helper : List.of(pausedMeanwhile, unverifiedMeanwhile, withdrawnMeanwhile, askedMeanwhile)) {
			assertThat(received(helper)).as("no digest").isEmpty();
			assertThat(claims(helper)).as("claim given up").isEmpty();
		}
		assertThat(receivedAt(erasedAddress)).as("no digest after erasure").isEmpty();
		assertThat(claims(erasedMeanwhile)).as("claim given up after erasure").isEmpty();
	}

	@Test
	void helpersWhoseAskBudgetIsUsedUp_getNoDigestUntilItHasRoom_andADigestCountsNoAsk() {
		Instant now = instantWeeksAhead(50);
		UUID noAsksWanted = optedIn(helperIn("hoerden", "hausaufgabenhilfe").maxAsksPerWeek(0).insert());
		UUID budgetUsedUp = optedIn(helperIn("hoerden", "hausaufgabenhilfe").maxAsksPerWeek(1).insert());
		UUID budgetLeft = optedIn(helperIn("hoerden", "hausaufgabenhilfe").maxAsksPerWeek(2).insert());
		// Six and a half days before the run: out of the budget's seven days a day later.
		asked(budgetUsedUp, now.minus(Duration.ofHours(156)));
		asked(budgetLeft, now.minus(Duration.ofDays(2)));
		profile("Hausaufgaben in Hörden", "hausaufgabenhilfe", "hoerden", 2, now.minus(Duration.ofDays(1)));

		this.digest.run(now).block(TIMEOUT);

		assertThat(received(noAsksWanted)).isEmpty();
		assertThat(received(budgetUsedUp)).isEmpty();
		assertThat(claims(budgetUsedUp)).as("claim given up for a later run").isEmpty();
		assertThat(received(budgetLeft)).hasSize(1);
		assertThat(this.asks.budgetUsedUp(Map.of(budgetLeft, 2), now).block(TIMEOUT))
			.as("the digest is not an ask: one ask of two used")
			.isEmpty();

		this.digest.run(now.plus(Duration.ofDays(1))).block(TIMEOUT);

		assertThat(received(budgetUsedUp)).as("a day later, in the same week, the budget has room").hasSize(1);
		assertThat(received(noAsksWanted)).isEmpty();
		assertThat(claims(noAsksWanted)).isEmpty();
		assertThat(received(budgetLeft)).as("one digest a week").hasSize(1);
	}

	@Test
	void aFaultMeetingEveryDigest_isLoggedOnce(CapturedOutput output) {
		Instant now = instantWeeksAhead(60);
		for (int i = 0; i < 5; i++) {
			optedIn(helperIn("bad-lauterberg", "fahrdienst").hoursPerWeek(4).insert());
		}
		profile("Fahrdienst Bad Lauterberg", "fahrdienst", "bad-lauterberg", 4, now.minus(Duration.ofDays(1)));
		WeeklyDigest failing = withSender((message) -> Mono.error(new IllegalStateException("Template failed")));

		assertThat(failing.run(now).block(TIMEOUT)).isZero();

		assertThat(output)
			.containsOnlyOnce("not sent after an unexpected failure (a claim taken stays): Template failed");
	}

	private WeeklyDigest withSender(MessageSender sender) {
		return new WeeklyDigest(this.context.getBean(RequirementProfiles.class),
				this.context.getBean(MatchProfiles.class), this.context.getBean(HelperContacts.class), this.asks,
				this.context.getBean(DigestRepository.class), this.context.getBean(DigestTexts.class), sender,
				this.context.getBean(DigestProperties.class));
	}

	private void update(String sql, UUID helper) {
		this.database.sql(sql).bind("helper", helper).then().block(TIMEOUT);
	}

	private void erase(UUID helper) {
		this.client.delete()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	// A sent ask for a callout of its own, made at the given instant.
	private void asked(UUID helper, Instant at) {
		UUID callout = new CalloutRows(this.database).open(this.organisation.id(), this.organisation.admin().id());
		this.database.sql("""
				insert into ask (callout_id, helper_id, channel, status, attempts, created_at)
				values (:callout, :helper, 'EMAIL', 'SENT', 1, :at)""")
			.bind("callout", callout)
			.bind("helper", helper)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.then()
			.block(TIMEOUT);
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
		return receivedAt(email(helper));
	}

	private List<MimeMessage> receivedAt(String address) {
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
