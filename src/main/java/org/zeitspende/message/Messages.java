package org.zeitspende.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.callout.CalloutProgresses;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.confirmation.ConfirmedHelpers;
import org.zeitspende.engagement.InterestedHelpers;
import org.zeitspende.message.MessageRepository.MessageRow;
import org.zeitspende.message.MessageRepository.ThreadRow;
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.security.Caller;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Threads and their messages. An organisation starts a thread with other approved
 * organisations or with helpers related to it; a thread with a helper has exactly one, so
 * that helpers never read each other. Members of the thread's organisations and its
 * helper read it and reply; to everyone else it does not exist.
 */
@Service
class Messages {

	private static final String RECIPIENTS = "give exactly one of organisationIds, interestId, calloutId";

	private final MessageRepository messages;

	private final InterestedHelpers interested;

	private final ConfirmedHelpers confirmed;

	private final CalloutProgresses callouts;

	private final OrganisationStandings standings;

	private final OrganisationNames names;

	private final TransactionalOperator transaction;

	Messages(MessageRepository messages, InterestedHelpers interested, ConfirmedHelpers confirmed,
			CalloutProgresses callouts, OrganisationStandings standings, OrganisationNames names,
			TransactionalOperator transaction) {
		this.messages = messages;
		this.interested = interested;
		this.confirmed = confirmed;
		this.callouts = callouts;
		this.standings = standings;
		this.names = names;
		this.transaction = transaction;
	}

	/**
	 * Starts a thread, or one thread per confirmed helper of a callout.
	 * @param caller the member writing
	 * @param organisationId the member's organisation
	 * @param thread the subject, the first message and the recipients
	 * @return the threads started
	 */
	Mono<List<MessageThread>> start(Caller caller, UUID organisationId, NewThread thread) {
		long recipients = Stream.of(thread.organisationIds(), thread.interestId(), thread.calloutId())
			.filter((recipient) -> recipient != null)
			.count();
		if (recipients != 1) {
			throw new InvalidRequestException("organisationIds", RECIPIENTS);
		}
		UUID memberId = caller.subject();
		if (thread.organisationIds() != null) {
			return withOrganisations(organisationId, thread.organisationIds()).flatMap((participants) -> started(
					organisationId,
					startOne(thread.subject(), thread.text(), organisationId, memberId, null, participants).flux()));
		}
		return helpers(caller, organisationId, thread).flatMap((helpers) -> started(organisationId,
				Flux.fromIterable(helpers)
					.concatMap((helperId) -> startOne(thread.subject(), thread.text(), organisationId, memberId,
							helperId, List.of(organisationId)))));
	}

	/**
	 * Starts a thread with one helper on behalf of a member, without checking the
	 * relation: for what the service itself tells a helper of the organisation's
	 * decisions, within the caller's transaction and without reading the thread back.
	 */
	Mono<Void> startWithHelper(UUID organisationId, UUID memberId, UUID helperId, String subject, String text) {
		return startOne(subject, text, organisationId, memberId, helperId, List.of(organisationId)).then();
	}

	Mono<List<MessageThread>> threadsOf(UUID organisationId, int limit, int offset) {
		return views(this.messages.findByOrganisation(organisationId, limit, offset));
	}

	Mono<List<MessageThread>> threadsOfHelper(UUID helperId, int limit, int offset) {
		return views(this.messages.findByHelper(helperId, limit, offset));
	}

	Mono<Conversation> conversation(UUID organisationId, UUID threadId) {
		return conversation(threadForOrganisation(organisationId, threadId));
	}

	Mono<Conversation> conversationOfHelper(UUID helperId, UUID threadId) {
		return conversation(threadForHelper(helperId, threadId));
	}

	/**
	 * A member's reply; to a helper it also goes by email.
	 */
	Mono<ThreadMessage> reply(UUID organisationId, UUID memberId, UUID threadId, NewMessage message) {
		return threadForOrganisation(organisationId, threadId).flatMap((thread) -> written(
				this.messages.insertMessage(thread.id(), organisationId, memberId, message.text())));
	}

	Mono<ThreadMessage> replyAsHelper(UUID helperId, UUID threadId, NewMessage message) {
		return threadForHelper(helperId, threadId)
			.flatMap((thread) -> written(this.messages.insertMessage(thread.id(), null, null, message.text())));
	}

	// The organisation first, then the others, each once; every other one must be
	// approved.
	private Mono<List<UUID>> withOrganisations(UUID organisationId, List<UUID> others) {
		Set<UUID> participants = new LinkedHashSet<>(List.of(organisationId));
		participants.addAll(others);
		if (participants.size() < 2) {
			throw new InvalidRequestException("organisationIds", "must name another organisation");
		}
		return Flux.fromIterable(others)
			.index()
			.filterWhen((other) -> this.standings.standingOf(other.getT2())
				.map((standing) -> standing != Standing.APPROVED)
				.defaultIfEmpty(true))
			.map((other) -> new InvalidField("organisationIds[" + other.getT1() + "]",
					"is not an approved organisation"))
			.collectList()
			.map((errors) -> {
				if (!errors.isEmpty()) {
					throw new InvalidRequestException(errors);
				}
				return List.copyOf(participants);
			});
	}

	private Mono<List<UUID>> helpers(Caller caller, UUID organisationId, NewThread thread) {
		if (thread.interestId() != null) {
			return this.interested.helperOf(organisationId, thread.interestId())
				.switchIfEmpty(Mono.error(MessageProblem::interestNotFound))
				.map(List::of);
		}
		return this.callouts.find(caller, thread.calloutId())
			.thenMany(this.confirmed.of(thread.calloutId()))
			.collectList()
			.filter((helpers) -> !helpers.isEmpty())
			.switchIfEmpty(Mono.error(MessageProblem::noConfirmedHelpers));
	}

	private Mono<UUID> startOne(String subject, String text, UUID organisationId, UUID memberId, UUID helperId,
			List<UUID> participants) {
		return this.messages.insertThread(subject, organisationId, helperId, participants)
			.flatMap((threadId) -> this.messages.insertMessage(threadId, organisationId, memberId, text)
				.thenReturn(threadId));
	}

	// Read once all are committed.
	private Mono<List<MessageThread>> started(UUID organisationId, Flux<UUID> inserts) {
		return this.transaction.transactional(inserts.collectList())
			.flatMap((threadIds) -> views(Flux.fromIterable(threadIds)
				.concatMap((threadId) -> this.messages.findForOrganisation(organisationId, threadId))));
	}

	private Mono<ThreadRow> threadForOrganisation(UUID organisationId, UUID threadId) {
		return this.messages.findForOrganisation(organisationId, threadId)
			.switchIfEmpty(Mono.error(MessageProblem::threadNotFound));
	}

	private Mono<ThreadRow> threadForHelper(UUID helperId, UUID threadId) {
		return this.messages.findForHelper(helperId, threadId)
			.switchIfEmpty(Mono.error(MessageProblem::threadNotFound));
	}

	private Mono<Conversation> conversation(Mono<ThreadRow> found) {
		return found.flatMap((thread) -> this.messages.findMessages(thread.id())
			.collectList()
			.flatMap((messages) -> this.names.of(thread.organisationIds())
				.map((names) -> new Conversation(view(thread, names),
						messages.stream().map((message) -> view(message, names)).toList()))));
	}

	private Mono<ThreadMessage> written(Mono<UUID> inserted) {
		return inserted.flatMap(this.messages::findMessage)
			.flatMap((message) -> ((message.organisationId() != null) ? this.names.of(List.of(message.organisationId()))
					: Mono.just(Map.<UUID, String>of()))
				.map((names) -> view(message, names)));
	}

	private Mono<List<MessageThread>> views(Flux<ThreadRow> rows) {
		return rows.collectList()
			.flatMap((threads) -> this.names
				.of(threads.stream().flatMap((thread) -> thread.organisationIds().stream()).distinct().toList())
				.map((names) -> threads.stream().map((thread) -> view(thread, names)).toList()));
	}

	private static MessageThread view(ThreadRow thread, Map<UUID, String> names) {
		List<Participant> organisations = thread.organisationIds()
			.stream()
			.map((id) -> new Participant(id, names.get(id)))
			.toList();
		boolean withHelper = thread.helperId() != null;
		String helper = withHelper ? "H-" + thread.id().toString().substring(0, 8).toUpperCase(Locale.ROOT) : null;
		return new MessageThread(thread.id(), thread.subject(),
				withHelper ? ThreadKind.HELPER : ThreadKind.ORGANISATIONS, organisations, helper, thread.createdAt(),
				thread.lastMessageAt());
	}

	private static ThreadMessage view(MessageRow message, Map<UUID, String> names) {
		Participant organisation = (message.organisationId() != null)
				? new Participant(message.organisationId(), names.get(message.organisationId())) : null;
		return new ThreadMessage(message.id(), organisation, message.text(), message.createdAt());
	}

}
