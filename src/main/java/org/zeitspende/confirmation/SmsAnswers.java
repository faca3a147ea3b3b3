package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.ask.AskTokens;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.dispatch.SmsReplyHandler;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.reference.Names;
import org.zeitspende.reference.ReferenceData;

/**
 * Answers to asks by SMS, through the same state machine as the link: {@code JA} or
 * {@code YES} says yes, {@code NEIN} or {@code NO} says no, {@code ABSAGE} withdraws a
 * yes, {@code WARTEN} or {@code STANDBY} puts a helper who came too late on the standby
 * list; case and spaces do not matter. A {@code FULL} reply names up to three similar
 * callouts that still need helpers. A helper with several open asks adds the callout's
 * short code ({@code JA 4711}) and is told so otherwise. Every answer gets a reply by
 * SMS. Other texts are left to other handlers.
 */
@Component
class SmsAnswers implements SmsReplyHandler {

	private static final Pattern ANSWER = Pattern.compile("^(JA|YES|NEIN|NO|ABSAGE|WARTEN|STANDBY)(?:\\s*(\\d{4}))?$",
			Pattern.CASE_INSENSITIVE);

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM. HH:mm", Locale.GERMANY);

	private static final Map<Outcome, String> GERMAN = Map.of(Outcome.CONFIRMED,
			"Danke, Sie sind dabei: %s. Absagen: ABSAGE %s", Outcome.ALREADY_CONFIRMED,
			"Sie sind schon dabei: %s. Absagen: ABSAGE %s", Outcome.FULL,
			"Danke! %s ist schon vollständig besetzt. Warteliste: WARTEN %s", Outcome.STANDBY,
			"Sie stehen auf der Warteliste für %s. Wird ein Platz frei, melden wir uns.", Outcome.CLOSED,
			"%s ist nicht mehr möglich.", Outcome.DECLINED, "Danke für die Antwort zu %s. Bis zum nächsten Mal!",
			Outcome.WITHDRAWN, "Ihre Zusage für %s ist zurückgezogen. Danke für die Nachricht.");

	private static final Map<Outcome, String> ENGLISH = Map.of(Outcome.CONFIRMED,
			"Thank you, you're in: %s. To withdraw: ABSAGE %s", Outcome.ALREADY_CONFIRMED,
			"You're in already: %s. To withdraw: ABSAGE %s", Outcome.FULL,
			"Thank you! %s is filled already. Standby list: WARTEN %s", Outcome.STANDBY,
			"You are on the standby list for %s. We'll tell you when a place is free.", Outcome.CLOSED,
			"%s is no longer possible.", Outcome.DECLINED, "Thanks for your answer about %s. Until next time!",
			Outcome.WITHDRAWN, "You have withdrawn from %s. Thanks for telling us.");

	private final HelperContacts helpers;

	private final AskTokens tokens;

	private final CalloutSummaries callouts;

	private final ConfirmationRepository answers;

	private final Confirmations confirmations;

	private final MessageSender sender;

	private final ReferenceData reference;

	SmsAnswers(HelperContacts helpers, AskTokens tokens, CalloutSummaries callouts, ConfirmationRepository answers,
			Confirmations confirmations, MessageSender sender, ReferenceData reference) {
		this.helpers = helpers;
		this.tokens = tokens;
		this.callouts = callouts;
		this.answers = answers;
		this.confirmations = confirmations;
		this.sender = sender;
		this.reference = reference;
	}

	@Override
	public Mono<Void> handle(SmsReply reply) {
		if (reply.intent() != SmsReply.Intent.OTHER || reply.text() == null) {
			return Mono.empty();
		}
		Matcher matcher = ANSWER.matcher(reply.text().strip());
		if (!matcher.matches()) {
			return Mono.empty();
		}
		Answer answer = answerOf(matcher.group(1).toUpperCase(Locale.ROOT));
		String shortCode = matcher.group(2);
		Instant now = Instant.now();
		return this.helpers.helperWithMobile(reply.number())
			.flatMap((helperId) -> this.helpers.languageOf(helperId)
				.defaultIfEmpty("de")
				// Without reference data the reply names the codes: the answer
				// still counts.
				.flatMap((language) -> this.reference.names(language)
					.onErrorReturn(new Names("en".equals(language), List.of(), List.of())))
				.flatMap((names) -> answer(helperId, answer, shortCode, names, now)))
			.flatMap((text) -> this.sender.send(OutgoingMessage.sms(reply.number(), text, reference(now))))
			.then();
	}

	private Mono<String> answer(UUID helperId, Answer answer, String shortCode, Names names, Instant now) {
		return candidates(helperId, answer, now).collectList().flatMap((candidates) -> {
			List<CalloutSummary> chosen = (shortCode != null)
					? candidates.stream().filter((callout) -> callout.shortCode().equals(shortCode)).toList()
					: candidates;
			if (chosen.size() == 1) {
				CalloutSummary callout = chosen.get(0);
				return this.confirmations.answer(callout.id(), helperId, answer, now)
					.map((result) -> text(result, callout, names));
			}
			return Mono.just(chosen.isEmpty() ? nothingOpen(names.english(), shortCode) : chooseOne(chosen, names));
		});
	}

	// A yes, a no or a wish to wait answers an ask that has no answer yet and whose
	// callout is open or filled and has not started (a yes to a filled one learns so);
	// without one, a yes or no repeats an earlier answer, which answers the same again. A
	// withdrawal takes back a yes.
	private Flux<CalloutSummary> candidates(UUID helperId, Answer answer, Instant now) {
		if (answer == Answer.WITHDRAW) {
			return notEnded(this.answers.calloutsConfirmed(helperId), now);
		}
		return this.tokens.calloutsAsked(helperId)
			.collectList()
			.flatMapMany((asked) -> this.answers.answersAmong(helperId, asked).flatMapMany((answered) -> {
				Flux<CalloutSummary> unanswered = notEnded(
						Flux.fromIterable(asked).filter((calloutId) -> !answered.containsKey(calloutId)), now)
					.filter((callout) -> StandbyList.kept(callout, now));
				return (answer == Answer.STANDBY) ? unanswered
						: unanswered.switchIfEmpty(notEnded(Flux.fromIterable(answered.keySet()), now));
			}));
	}

	// Soonest first, as the list of codes shows them.
	private Flux<CalloutSummary> notEnded(Flux<UUID> calloutIds, Instant now) {
		return calloutIds.flatMap(this.callouts::find)
			.filter((callout) -> callout.endsAt().isAfter(now))
			.sort(Comparator.comparing(CalloutSummary::startsAt));
	}

	// Names the reply in status callbacks; it needs to be unique, not secret.
	private static String reference(Instant now) {
		return "answer-" + now.toEpochMilli() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
	}

	private static Answer answerOf(String word) {
		return switch (word) {
			case "JA", "YES" -> Answer.ACCEPT;
			case "ABSAGE" -> Answer.WITHDRAW;
			case "WARTEN", "STANDBY" -> Answer.STANDBY;
			default -> Answer.DECLINE;
		};
	}

	private static String text(Confirmations.Result result, CalloutSummary callout, Names names) {
		if (result.outcome() == Outcome.INVALID) {
			return nothingOpen(names.english(), null);
		}
		String template = (names.english() ? ENGLISH : GERMAN).get(result.outcome());
		String text = template.formatted(describe(callout, names), callout.shortCode());
		if (result.alternatives().isEmpty()) {
			return text;
		}
		return text + (names.english() ? " Still needed: " : " Noch gesucht: ") + result.alternatives()
			.stream()
			.map((alternative) -> describe(alternative.activity(), alternative.place(), alternative.startsAt(), names))
			.collect(Collectors.joining("; "));
	}

	private static String chooseOne(List<CalloutSummary> callouts, Names names) {
		String list = callouts.stream()
			.map((callout) -> callout.shortCode() + " = " + describe(callout, names))
			.collect(Collectors.joining("; "));
		return (names.english() ? "You have several open asks. Reply with the code, e.g. JA "
				: "Mehrere offene Anfragen. Bitte mit dem Code antworten, z. B. JA ") + callouts.get(0).shortCode()
				+ ": " + list;
	}

	private static String nothingOpen(boolean english, String shortCode) {
		if (shortCode != null) {
			return english ? "No open ask has the code " + shortCode + "."
					: "Keine offene Anfrage hat den Code " + shortCode + ".";
		}
		return english ? "You have no open ask to answer." : "Sie haben keine offene Anfrage.";
	}

	// As the ask named it: "Fahrdienst in Grone, 08.12. 10:00".
	private static String describe(CalloutSummary callout, Names names) {
		return describe(callout.activity(), callout.place(), callout.startsAt(), names);
	}

	private static String describe(String activity, String place, Instant startsAt, Names names) {
		return names.activity(activity) + " in " + names.place(place) + ", " + WHEN.format(startsAt.atZone(ZONE));
	}

}
