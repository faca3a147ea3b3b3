package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.confirmation.Confirmations.Result;
import org.zeitspende.confirmation.SlotGate.Reservation;
import org.zeitspende.testing.AnswerBurst;
import org.zeitspende.testing.AnswerBurst.Reply;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many helpers answer at once over HTTP; the invariants are checked on the final rows
 * (see {@link ConfirmationInvariants}), and Redis agrees with PostgreSQL after
 * reconciling.
 */
@IntegrationTest
class ConfirmationConcurrencyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	AnswerBurst burst;

	ConfirmationInvariants invariants;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.burst = new AnswerBurst(this.port);
		this.invariants = new ConfirmationInvariants(this.database, this.redis);
		this.tenant = new Tenants(this.database).approved();
	}

	@AfterEach
	void tearDown() {
		this.burst.close();
	}

	@Test
	void twoThousandHelpersAtOnce_onFiftySlots_confirmExactlyFifty() {
		UUID callout = callout(50);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2000);

		Map<Asked, Reply> replies = this.burst.acceptAll(helpers);

		assertThat(replies.values()).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(50);
		assertThat(AnswerBurst.helpers(replies, "FULL")).hasSize(1950);
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		assertThat(this.invariants.status(callout)).isEqualTo("FILLED");
		assertRedisAgrees(callout);
	}

	@Test
	void oneTokenPostedTwoHundredTimesAtOnce_confirmsOnce_andAnswersTheSame() {
		UUID callout = callout(5);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		List<Reply> replies = Flux.range(0, 200)
			.flatMap((attempt) -> this.burst.accept(helper.token()), AnswerBurst.IN_FLIGHT)
			.collectList()
			.block(TIMEOUT);

		assertThat(replies).hasSize(200).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.outcome()).isEqualTo("CONFIRMED");
		});
		this.invariants.assertHold(callout, Set.of(helper.helperId()));
		this.invariants.assertRedisHoldsTheConfirmed(callout);
		assertRedisAgrees(callout);
	}

	// A helper's second tap finds the slot the first tap reserved in Redis (ALREADY)
	// and commits first; the first tap then finds the yes stored and must keep its
	// reservation, which is the helper's slot. Giving it back left Redis one slot open
	// too many, with the helper missing from its holders, until the next
	// reconciliation.
	@Test
	void aRepeatThatCommitsFirst_leavesTheHelpersSlotReservedInRedis() {
		UUID callout = callout(5);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		this.reconciler.rebuildMissing(callout, Instant.now()).block(TIMEOUT);
		Sinks.One<Reservation> reserved = Sinks.one();
		Sinks.Empty<Void> repeatAnswered = Sinks.empty();
		SlotGate held = new SlotGate(this.redis, script(ConfirmationConfiguration.RESERVE_SCRIPT),
				script(ConfirmationConfiguration.RELEASE_SCRIPT), script(ConfirmationConfiguration.REBUILD_SCRIPT),
				script(ConfirmationConfiguration.STATE_SCRIPT)) {

			@Override
			Mono<Reservation> reserve(UUID calloutId, UUID helperId) {
				return super.reserve(calloutId, helperId).doOnNext(reserved::tryEmitValue)
					.delayUntil((reservation) -> repeatAnswered.asMono());
			}

		};
		Acceptances firstTap = new Acceptances(bean(SlotTakings.class), held, this.reconciler, bean(Alternatives.class),
				this.context);
		Confirmations.Asked asked = new Confirmations.Asked(bean(CalloutSummaries.class).find(callout).block(TIMEOUT),
				helper.helperId(), Map.of(), false);

		Mono<Result> first = firstTap.accept(asked, Instant.now()).cache();
		first.subscribe();
		Reply repeat;
		try {
			assertThat(reserved.asMono().block(TIMEOUT)).isEqualTo(Reservation.RESERVED);
			repeat = this.burst.accept(helper.token()).block(TIMEOUT);
		}
		finally {
			repeatAnswered.tryEmitEmpty();
		}

		assertThat(repeat.outcome()).isEqualTo("CONFIRMED");
		assertThat(first.block(TIMEOUT).outcome()).isEqualTo(Outcome.CONFIRMED);
		this.invariants.assertHold(callout, Set.of(helper.helperId()));
		this.invariants.assertRedisHoldsTheConfirmed(callout);
	}

	@Test
	void confirmAndWithdrawStorm_keepsTheInvariants() {
		UUID callout = callout(10);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		AtomicInteger withdrawn = new AtomicInteger();

		// Every helper says yes; every second one who got a slot then withdraws, twice at
		// once. Counted by slot, not by helper: under load the first ten to get a slot
		// may be any ten.
		AtomicInteger slots = new AtomicInteger();
		List<Reply> replies = Flux.fromIterable(helpers).flatMap((helper) -> {
			String token = helper.token();
			return this.burst.accept(token).flatMapMany((first) -> {
				if ("CONFIRMED".equals(first.outcome()) && slots.incrementAndGet() % 2 == 0) {
					return Flux.concat(Mono.just(first),
							Flux.merge(this.burst.post(token, "withdraw"), this.burst.post(token, "withdraw")));
				}
				return Mono.just(first);
			});
		}, AnswerBurst.IN_FLIGHT).doOnNext((reply) -> {
			if ("WITHDRAWN".equals(reply.outcome())) {
				withdrawn.incrementAndGet();
			}
		}).collectList().block(TIMEOUT);

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		List<UUID> confirmed = this.invariants.confirmed(callout);
		// Who holds a slot in the end depends on the order of yeses and withdrawals.
		this.invariants.assertHold(callout, Set.copyOf(confirmed));
		assertThat(this.invariants.status(callout)).isEqualTo((confirmed.size() == 10) ? "FILLED" : "OPEN");
		assertThat(withdrawn).hasPositiveValue();
		this.invariants.assertRedisInStep(callout);
		assertRedisAgrees(callout);
	}

	@Test
	void redisKeysDeletedMidBurst_invariantsHold_andCountersRebuild() {
		UUID callout = callout(50);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 600);
		AtomicInteger sent = new AtomicInteger();

		// Every 100 requests the callout's keys vanish, as after a flush.
		Map<Asked, Reply> replies = this.burst.acceptAll(helpers, (asked) -> ((sent.incrementAndGet() % 100) != 0)
				? Mono.just(asked) : this.redis.delete(SlotKeys.of(callout).toArray(String[]::new)).thenReturn(asked));

		assertThat(replies.values()).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(50);
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		assertRedisAgrees(callout);
	}

	@Test
	void calloutCancelledMidBurst_noConfirmationAfterTheCancel() {
		UUID callout = callout(50);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		AtomicInteger sent = new AtomicInteger();

		// The first request after the first wave goes out once a reply came.
		Map<Asked, Reply> replies = this.burst.acceptAll(helpers,
				(asked) -> (sent.incrementAndGet() != AnswerBurst.IN_FLIGHT + 1) ? Mono.just(asked)
						: cancel(callout).thenReturn(asked));

		assertThat(replies.values()).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.outcome()).isIn("CONFIRMED", "FULL", "CLOSED");
		});
		assertThat(AnswerBurst.helpers(replies, "CLOSED")).isNotEmpty();
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		assertThat(this.invariants.status(callout)).isEqualTo("CANCELLED");
	}

	// A yes Redis reserved and PostgreSQL had not committed when the reconciliation
	// settled: rebuilt from PostgreSQL's rows alone, its slot would count open again.
	@Test
	void aReconciliation_leavesAYesOnItsWayToPostgresItsSlot() {
		UUID callout = callout(3);
		UUID helper = new AskRows(this.database).asked(callout, 1).get(0).helperId();
		SlotGate gate = bean(SlotGate.class);
		this.reconciler.rebuildMissing(callout, Instant.now()).block(TIMEOUT);
		List<SlotReconciler.Look> looks = this.reconciler.look(Instant.now()).block(TIMEOUT);
		assertThat(gate.reserve(callout, helper).block(TIMEOUT)).isEqualTo(Reservation.RESERVED);

		this.reconciler.settle(looks, Instant.now()).block(TIMEOUT);
		assertThat(gate.holders(callout).block(TIMEOUT)).containsExactly(helper);
		this.invariants.assertRedisInStep(callout);

		bean(SlotTakings.class).take(callout, helper, Instant.now()).block(TIMEOUT);
		this.invariants.assertRedisAgrees(callout);
	}

	// Without a row when the reconciliation looks, committed before it settles: not
	// stale.
	@Test
	void aHolderWithoutARowWhenLookedAt_staysIfItsYesCommitsBeforeTheSettling() {
		UUID callout = callout(3);
		UUID helper = new AskRows(this.database).asked(callout, 1).get(0).helperId();
		this.reconciler.rebuildMissing(callout, Instant.now()).block(TIMEOUT);
		assertThat(bean(SlotGate.class).reserve(callout, helper).block(TIMEOUT)).isEqualTo(Reservation.RESERVED);

		List<SlotReconciler.Look> looks = this.reconciler.look(Instant.now()).block(TIMEOUT);
		assertThat(looks).filteredOn((look) -> look.calloutId().equals(callout))
			.singleElement()
			.satisfies((look) -> assertThat(look.withoutRow()).containsExactly(helper));
		bean(SlotTakings.class).take(callout, helper, Instant.now()).block(TIMEOUT);
		this.reconciler.settle(looks, Instant.now()).block(TIMEOUT);

		this.invariants.assertRedisAgrees(callout);
	}

	// Filled when the reconciliation looks, open again after a withdrawal when it
	// settles.
	@Test
	void aSlotOpenedAgainBetweenLookAndSettling_countsOpen() {
		UUID callout = callout(1);
		Asked helper = confirmedByLink(callout);
		List<SlotReconciler.Look> looks = this.reconciler.look(Instant.now()).block(TIMEOUT);

		assertThat(this.burst.post(helper.token(), "withdraw").block(TIMEOUT).outcome()).isEqualTo("WITHDRAWN");
		this.reconciler.settle(looks, Instant.now()).block(TIMEOUT);

		assertThat(this.invariants.status(callout)).isEqualTo("OPEN");
		this.invariants.assertRedisAgrees(callout);
	}

	// A callout's first counter, made at its first yes, is no drift; one lost while
	// PostgreSQL had a confirmation is.
	@Test
	void aMissingCounter_countsAsDrift_onlyWhenASlotWasHeld() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		SlotReconciler reconciler = new SlotReconciler(bean(CalloutSummaries.class), bean(ConfirmationRepository.class),
				bean(SlotGate.class), meters);
		UUID fresh = callout(3);
		reconciler.rebuildMissing(fresh, Instant.now()).block(TIMEOUT);
		assertThat(meters.counter("zeitspende.confirmation.slot.drift").count()).isZero();
		assertThat(bean(SlotGate.class).state(fresh).block(TIMEOUT).open()).isEqualTo(3);

		UUID used = callout(3);
		confirmedByLink(used);
		this.redis.delete(Flux.fromIterable(SlotKeys.of(used))).block(TIMEOUT);
		reconciler.rebuildMissing(used, Instant.now()).block(TIMEOUT);
		assertThat(meters.counter("zeitspende.confirmation.slot.drift").count()).isOne();
		this.invariants.assertRedisAgrees(used);

		// Filled, it takes nobody: its counter is 0 either way, its holder was lost.
		UUID filled = callout(1);
		confirmedByLink(filled);
		this.redis.delete(Flux.fromIterable(SlotKeys.of(filled))).block(TIMEOUT);
		reconciler.rebuildMissing(filled, Instant.now()).block(TIMEOUT);
		assertThat(meters.counter("zeitspende.confirmation.slot.drift").count()).isEqualTo(2);
		this.invariants.assertRedisAgrees(filled);
	}

	// The settling reads the helper as confirmed; the helper withdraws, and the
	// withdrawal gives the slot back, before the settling adds the helper to the holders
	// again. The settling gives it back once more and counts no drift.
	@Test
	void aWithdrawalBetweenTheSettlingsReadAndItsRebuild_leavesNoHolderWithoutARow() {
		UUID callout = callout(2);
		Asked helper = confirmedByLink(callout);
		AtomicBoolean withdrawn = new AtomicBoolean();
		Mono<Void> withdraw = this.burst.post(helper.token(), "withdraw")
			.doOnNext((reply) -> assertThat(reply.outcome()).isEqualTo("WITHDRAWN"))
			.then();
		ConfirmationRepository withdrawingAfterTheFirstRead = new ConfirmationRepository(this.database) {
			@Override
			Flux<UUID> confirmed(UUID calloutId) {
				return withdrawn.getAndSet(true) ? super.confirmed(calloutId)
						: super.confirmed(calloutId).concatWith(withdraw.then(Mono.empty()));
			}
		};
		SlotReconciler reconciler = new SlotReconciler(bean(CalloutSummaries.class), withdrawingAfterTheFirstRead,
				bean(SlotGate.class), new SimpleMeterRegistry());

		Long drifted = reconciler.settle(List.of(new SlotReconciler.Look(callout, Set.of())), Instant.now())
			.block(TIMEOUT);

		assertThat(withdrawn).isTrue();
		assertThat(drifted).as("counters that changed: the helper given back counts as not added").isZero();
		assertThat(bean(SlotGate.class).holders(callout).block(TIMEOUT)).isEmpty();
		this.invariants.assertRedisAgrees(callout);
	}

	// A callout in line is not looked at; one whose holders lost a helper is looked at
	// and mended, and so is one whose holders lost a helper and gained a stale one,
	// though its counts agree.
	@Test
	void aReconciliation_looksOnlyAtCalloutsOutOfLine() {
		UUID inLine = callout(3);
		UUID lostHolder = callout(3);
		UUID staleForMissing = callout(3);
		confirmedByLink(inLine);
		confirmedByLink(lostHolder);
		Asked missing = confirmedByLink(staleForMissing);
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		this.redis.opsForSet().pop(SlotKeys.of(lostHolder).get(1)).block(TIMEOUT);
		// Added first, so that the set, emptied, does not lose its expiry.
		String holders = SlotKeys.of(staleForMissing).get(1);
		this.redis.opsForSet().add(holders, UUID.randomUUID().toString()).block(TIMEOUT);
		this.redis.opsForSet().remove(holders, missing.helperId().toString()).block(TIMEOUT);

		List<SlotReconciler.Look> looks = this.reconciler.look(Instant.now()).block(TIMEOUT);

		assertThat(looks).extracting(SlotReconciler.Look::calloutId)
			.contains(lostHolder, staleForMissing)
			.doesNotContain(inLine);
		this.reconciler.settle(looks, Instant.now()).block(TIMEOUT);
		this.invariants.assertRedisAgrees(lostHolder);
		this.invariants.assertRedisAgrees(staleForMissing);
	}

	// The first digest read misses the callout's committed yes, as one made before the
	// yes would; PostgreSQL's digest read again agrees with Redis, so the callout is not
	// looked at.
	@Test
	void aYesCommittedDuringTheWalk_isNoDrift() {
		UUID callout = callout(3);
		confirmedByLink(callout);
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		AtomicBoolean firstRead = new AtomicBoolean(true);
		ConfirmationRepository readBeforeTheYes = new ConfirmationRepository(this.database) {
			@Override
			Mono<Map<UUID, HelperDigest>> digests(Collection<UUID> calloutIds) {
				return firstRead.getAndSet(false) ? Mono.just(Map.of()) : super.digests(calloutIds);
			}
		};
		SlotReconciler reconciler = new SlotReconciler(bean(CalloutSummaries.class), readBeforeTheYes,
				bean(SlotGate.class), new SimpleMeterRegistry());

		List<SlotReconciler.Look> looks = reconciler.look(Instant.now()).block(TIMEOUT);

		assertThat(firstRead).isFalse();
		assertThat(looks).extracting(SlotReconciler.Look::calloutId).doesNotContain(callout);
	}

	// A holder that is no helper's id makes Redis refuse the digest script for its
	// callout, or, when its first and last digits pass the script, the service's reading
	// of the holders; either callout is left out with a warning naming its keys, and the
	// others are reconciled. The keys are deleted afterwards, as other tests reconcile
	// every live callout.
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void calloutsWhoseKeysNoGateWrote_doNotStopTheOthersReconciliation(CapturedOutput output) {
		UUID refused = callout(3);
		UUID unreadable = callout(3);
		UUID lostHolder = callout(3);
		List.of(refused, unreadable, lostHolder).forEach(this::confirmedByLink);
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		this.redis.opsForSet().add(SlotKeys.of(refused).get(1), "not-a-helper").block(TIMEOUT);
		this.redis.opsForSet()
			.add(SlotKeys.of(unreadable).get(1), "00000000-zzzz-zzzz-zzzz-zzzz00000000")
			.block(TIMEOUT);
		this.redis.opsForSet().pop(SlotKeys.of(lostHolder).get(1)).block(TIMEOUT);
		try {
			this.reconciler.reconcile(Instant.now()).block(TIMEOUT);

			this.invariants.assertRedisAgrees(lostHolder);
			assertThat(output).contains("Could not compare the slots of callout " + refused)
				.contains(SlotKeys.of(refused).get(1))
				.contains("Could not compare the slots of callout " + unreadable);
		}
		finally {
			this.redis.delete(SlotKeys.of(refused).toArray(String[]::new)).block(TIMEOUT);
			this.redis.delete(SlotKeys.of(unreadable).toArray(String[]::new)).block(TIMEOUT);
		}
	}

	// Redis and PostgreSQL digest the same helpers alike: parts that are negative as
	// 32-bit numbers, zero, and two that cancel out.
	@Test
	void theDigestsOfHoldersAndConfirmedHelpers_agree() {
		List<List<UUID>> sets = List.of(List.of(helper(0xffffffffffffffffL)), List.of(helper(0x8000000080000000L)),
				List.of(helper(0), helper(0x7fffffff00000001L)),
				List.of(helper(0x12345678fedcba98L), helper(0x1234567800000000L)));
		Map<UUID, HelperDigest> expected = new HashMap<>();
		for (List<UUID> helpers : sets) {
			UUID callout = callout(5);
			helpers.forEach(
					(helper) -> assertThat(this.burst.accept(new AskRows(this.database).ask(callout, helper, "EMAIL"))
						.block(TIMEOUT)
						.outcome()).isEqualTo("CONFIRMED"));
			expected.put(callout, digestOf(helpers));
		}
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);

		expected.forEach((callout, digest) -> assertThat(bean(SlotGate.class).state(callout).block(TIMEOUT).holders())
			.isEqualTo(digest));
		assertThat(bean(ConfirmationRepository.class).digests(expected.keySet()).block(TIMEOUT)).isEqualTo(expected);
		assertThat(expected.values()).contains(new HelperDigest(1, -1, -1),
				new HelperDigest(1, Integer.MIN_VALUE, Integer.MIN_VALUE), new HelperDigest(2, 0x7fffffff, 1),
				new HelperDigest(2, 0, 0xfedcba98));
	}

	// The first yes on a callout creates its set of holders, without the expiry a
	// rebuild gives: the digests agree, but the callout is not in line until reconciled.
	@Test
	void aSetOfHoldersAReservationCreated_isReconciledForItsExpiry() {
		UUID callout = callout(3);
		HelperDigest confirmed = digestOf(List.of(confirmedByLink(callout).helperId()));
		SlotGate gate = bean(SlotGate.class);
		SlotGate.State created = gate.state(callout).block(TIMEOUT);
		assertThat(created).isEqualTo(new SlotGate.State(2, confirmed, false));
		assertThat(created.inLine(3, confirmed)).isFalse();

		this.reconciler.settle(List.of(new SlotReconciler.Look(callout, Set.of())), Instant.now()).block(TIMEOUT);

		SlotGate.State reconciled = gate.state(callout).block(TIMEOUT);
		assertThat(reconciled).isEqualTo(new SlotGate.State(2, confirmed, true));
		assertThat(reconciled.inLine(3, confirmed)).isTrue();
	}

	// Open slots are counted from the holders: a yes in flight keeps its slot, a helper
	// PostgreSQL confirmed without the gate gets one, and only the stale holder named is
	// removed.
	@Test
	void aRebuild_countsTheOpenSlotsFromTheHolders() {
		UUID callout = callout(4);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 3);
		UUID inFlight = helpers.get(0).helperId();
		UUID stale = helpers.get(1).helperId();
		UUID withoutGate = helpers.get(2).helperId();
		SlotGate gate = bean(SlotGate.class);
		Instant expiry = Instant.now().plus(Duration.ofDays(2));
		gate.rebuild(callout, 4, Set.of(), Set.of(), expiry).block(TIMEOUT);
		gate.reserve(callout, inFlight).block(TIMEOUT);
		gate.reserve(callout, stale).block(TIMEOUT);

		assertThat(gate.rebuild(callout, 4, Set.of(withoutGate), Set.of(stale), expiry).block(TIMEOUT))
			.isEqualTo(new SlotGate.Rebuilt(2, 2, Set.of(withoutGate), 1));
		assertThat(gate.holders(callout).block(TIMEOUT)).containsExactlyInAnyOrder(inFlight, withoutGate);
		assertThat(gate.rebuild(callout, 4, Set.of(withoutGate), Set.of(), expiry).block(TIMEOUT).changed())
			.as("a second rebuild")
			.isFalse();
	}

	// As the service cancels, with the time the cancel took effect: after it waited for
	// the confirmations that hold the callout's row.
	private Mono<Void> cancel(UUID callout) {
		return this.database
			.sql("update callout set status = 'CANCELLED', cancelled_at = clock_timestamp() where id = :id")
			.bind("id", callout)
			.then();
	}

	// The reconciliation rebuilds what it finds; a second pass then finds nothing to fix.
	private void assertRedisAgrees(UUID callout) {
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		this.invariants.assertRedisAgrees(callout);
	}

	// One helper asked for the callout, who says yes through the link.
	private Asked confirmedByLink(UUID callout) {
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		assertThat(this.burst.accept(helper.token()).block(TIMEOUT).outcome()).isEqualTo("CONFIRMED");
		return helper;
	}

	// A helper whose id starts with the upper 32 of the bits given and ends with the
	// lower 32.
	private UUID helper(long bits) {
		UUID random = UUID.randomUUID();
		UUID id = new UUID((random.getMostSignificantBits() & 0xffffffffL) | (bits & 0xffffffff00000000L),
				(random.getLeastSignificantBits() & 0xffffffff00000000L) | (bits & 0xffffffffL));
		this.database.sql("insert into helper (id, email, email_verified_at) values (:id, :email, now())")
			.bind("id", id)
			.bind("email", "digest-" + id + "@test.example.org")
			.then()
			.block(TIMEOUT);
		return id;
	}

	// The digest as HelperDigest describes it, computed here from the ids' bits.
	private static HelperDigest digestOf(List<UUID> helpers) {
		int first = 0;
		int last = 0;
		for (UUID helper : helpers) {
			first ^= (int) (helper.getMostSignificantBits() >>> 32);
			last ^= (int) helper.getLeastSignificantBits();
		}
		return new HelperDigest(helpers.size(), first, last);
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@SuppressWarnings("unchecked")
	private <T> RedisScript<T> script(String name) {
		return this.context.getBean(name, RedisScript.class);
	}

	private UUID callout(int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), needed);
	}

}
