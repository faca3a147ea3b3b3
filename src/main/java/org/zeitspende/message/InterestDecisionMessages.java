package org.zeitspende.message;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zeitspende.engagement.InterestDecided;
import org.zeitspende.helper.HelperContacts;

/**
 * Tells a helper that an organisation accepted or declined their interest: a thread from
 * the member who decided, titled with the requirement profile, in the helper's language.
 * Like every message to a helper it also goes by email if the helper agreed, and the
 * organisation sees it among its threads. The event comes after the decision is
 * committed; should the service stop in between, the decision stands (the helper sees it
 * in {@code /api/me/interests}) without the message.
 */
@Component
class InterestDecisionMessages {

	private static final Log log = LogFactory.getLog(InterestDecisionMessages.class);

	private final Messages messages;

	private final MessageTexts texts;

	private final HelperContacts contacts;

	InterestDecisionMessages(Messages messages, MessageTexts texts, HelperContacts contacts) {
		this.messages = messages;
		this.texts = texts;
		this.contacts = contacts;
	}

	@EventListener
	Mono<Void> on(InterestDecided decided) {
		return this.contacts.languageOf(decided.helperId())
			.flatMap((language) -> this.messages.startWithHelper(decided.organisationId(), decided.memberId(),
					decided.helperId(), decided.profileTitle(),
					this.texts.decision(language, decided.profileTitle(), decided.accepted())))
			.doOnError((ex) -> log.error("The decision on an interest of helper " + decided.helperId()
					+ " could not be written as a message: " + ex.getMessage()))
			.then();
	}

}
