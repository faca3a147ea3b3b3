package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.confirmation.ConfirmationRepository.SlotTaking;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: yeses that wait together take their slots in one statement, each with the
 * outcome it would have had alone, and concurrent statements over the same callouts
 * neither deadlock nor take a slot too many.
 */
@IntegrationTest
class SlotTakingsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	@Autowired
	SlotTakings takings;

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void yesesOnSeveralCalloutsAtOnce_fillEachExactly_inSharedStatements() {
		DistributionSummary batches = this.meters.get("zeitspende.confirmation.batch").summary();
		long statementsBefore = batches.count();
		double yesesBefore = batches.totalAmount();
		List<UUID> callouts = List.of(callout(20), callout(20), callout(20));
		List<Taking> yeses = new ArrayList<>();
		for (UUID callout : callouts) {
			new AskRows(this.database).asked(callout, 100).forEach((asked) -> yeses.add(new Taking(callout, asked)));
		}
		// Interleaved at random, so that every statement names the callouts in another
		// order than the one it runs them in.
		Collections.shuffle(yeses);

		Map<Taking, SlotTaking> outcomes = Flux.fromIterable(yeses)
			.flatMap((yes) -> this.takings.take(yes.calloutId(), yes.asked().helperId(), Instant.now())
				.map((taking) -> Map.entry(yes, taking)), yeses.size())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);

		assertThat(outcomes).hasSize(300);
		ConfirmationInvariants invariants = new ConfirmationInvariants(this.database, this.redis);
		for (UUID callout : callouts) {
			Set<UUID> confirmed = helpers(outcomes, callout, SlotTaking.Kind.CONFIRMED);
			assertThat(confirmed).as("confirmed for one callout").hasSize(20);
			assertThat(helpers(outcomes, callout, SlotTaking.Kind.NO_SLOT)).hasSize(80);
			invariants.assertHold(callout, confirmed);
			assertThat(invariants.status(callout)).isEqualTo("FILLED");
		}
		assertThat(batches.totalAmount() - yesesBefore).as("yeses stored").isEqualTo(300);
		assertThat(batches.count() - statementsBefore).as("statements for 300 yeses").isLessThan(300);
	}

	@Test
	void theSameYesManyTimesAtOnce_storesOneAnswer_andAnswersAllAlike() {
		UUID callout = callout(3);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		List<SlotTaking> outcomes = Flux.range(0, 50)
			.flatMap((attempt) -> this.takings.take(callout, helper.helperId(), Instant.now()), 50)
			.collectList()
			.block(TIMEOUT);

		assertThat(outcomes).hasSize(50).allSatisfy((taking) -> {
			boolean first = taking.kind() == SlotTaking.Kind.CONFIRMED;
			boolean repeat = taking.kind() == SlotTaking.Kind.ANSWERED && taking.stored() == Outcome.CONFIRMED;
			assertThat(first || repeat).as("CONFIRMED or the stored CONFIRMED: %s", taking).isTrue();
		});
		assertThat(outcomes).filteredOn((taking) -> taking.kind() == SlotTaking.Kind.CONFIRMED).isNotEmpty();
		new ConfirmationInvariants(this.database, this.redis).assertHold(callout, Set.of(helper.helperId()));
	}

	private static Set<UUID> helpers(Map<Taking, SlotTaking> outcomes, UUID callout, SlotTaking.Kind kind) {
		return outcomes.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().calloutId().equals(callout) && entry.getValue().kind() == kind)
			.map((entry) -> entry.getKey().asked().helperId())
			.collect(Collectors.toSet());
	}

	private UUID callout(int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), needed);
	}

	private record Taking(UUID calloutId, Asked asked) {

	}

}
