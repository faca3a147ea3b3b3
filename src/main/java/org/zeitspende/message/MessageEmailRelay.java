package org.zeitspende.message;

import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.config.ScheduledJob;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.ConsentPurpose;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.message.MessageEmailRepository.ClaimedEmail;
import org.zeitspende.organisation.OrganisationNames;

/**
 * Sends organisations' messages to helpers by email, the way the notices go: claimed with
 * {@code FOR UPDATE SKIP LOCKED} on any replica, retried only when provably not sent,
 * {@code UNKNOWN} when the provider may have taken it. A helper without a verified email
 * and confirmed consent to messages from organisations by email is skipped; the message
 * stays readable in the API.
 */
@Component
class MessageEmailRelay {

	private static final Log log = LogFactory.getLog(MessageEmailRelay.class);

	private final ScheduledJob job = new ScheduledJob(log, "Relaying messages by email");

	private final MessageEmailRepository emails;

	private final HelperContacts contacts;

	private final OrganisationNames names;

	private final MessageTexts texts;

	private final MessageSender sender;

	private final MessageProperties properties;

	MessageEmailRelay(MessageEmailRepository emails, HelperContacts contacts, OrganisationNames names,
			MessageTexts texts, MessageSender sender, MessageProperties properties) {
		this.emails = emails;
		this.contacts = contacts;
		this.names = names;
		this.texts = texts;
		this.sender = sender;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${zeitspende.messages.poll-interval}",
			fixedDelayString = "${zeitspende.messages.poll-interval}")
	Mono<Void> pollOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> poll(Instant.now())));
	}

	/**
	 * Gives up abandoned claims, then claims one batch of due emails and sends them.
	 * @param now the current instant
	 * @return how many emails were claimed
	 */
	Mono<Long> poll(Instant now) {
		return this.emails.abandonClaimedBefore(now.minus(this.properties.sendingLease()))
			.thenMany(this.emails.claimDue(now, this.properties.batchSize()))
			.concatMap((email) -> relay(email, now))
			.count();
	}

	private Mono<String> relay(ClaimedEmail email, Instant now) {
		return this.contacts.addressWithConsent(email.helperId(), Channel.EMAIL, ConsentPurpose.ORGANISATION_MESSAGES)
			.zipWith(this.names.of(List.of(email.organisationId())))
			.map((found) -> this.texts.email(found.getT1(), found.getT2().get(email.organisationId()), email.subject(),
					email.text(), "message-" + email.id()))
			.flatMap((message) -> send(email, message, now))
			.switchIfEmpty(Mono.defer(() -> end(email, "SKIPPED", "no verified email with consent")))
			.onErrorResume((ex) -> {
				log.warn("Message email " + email.id() + " left claimed after an unexpected failure: "
						+ ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<String> send(ClaimedEmail email, OutgoingMessage message, Instant now) {
		return this.sender.send(message)
			.flatMap((sent) -> this.emails.sent(email.id(), sent.providerId()).thenReturn("SENT"))
			.onErrorResume(MessageRejectedException.class,
					(ex) -> end(email, "FAILED", ex.reason() + ": " + ex.getMessage()))
			.onErrorResume(MessageNotSentException.class,
					(ex) -> ex.outcomeUnknown() ? end(email, "UNKNOWN", ex.getMessage())
							: this.emails.retryAt(email.id(), now.plus(this.properties.retryBackoff()), ex.getMessage())
								.thenReturn("PENDING"));
	}

	private Mono<String> end(ClaimedEmail email, String status, String error) {
		return this.emails.end(email.id(), status, error).thenReturn(status);
	}

}
