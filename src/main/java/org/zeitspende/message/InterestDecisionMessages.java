package org.zeitspende.message;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.engagement.InterestDecided;
import org.zeitspende.engagement.InterestDecisionNotices;
import org.zeitspende.helper.HelperContacts;

/**
 * Tells a helper that an organisation accepted or declined their interest: a thread from
 * the member who decided, titled with the requirement profile, in the helper's language.
 * Like every message to a helper it also goes by email if the helper agreed, and the
 * organisation sees it among its threads. Written in the decision's transaction, so the
 * decision is never stored without its message.
 */
@Component
class InterestDecisionMessages implements InterestDecisionNotices {

	private final Messages messages;

	private final MessageTexts texts;

	private final HelperContacts contacts;

	InterestDecisionMessages(Messages messages, MessageTexts texts, HelperContacts contacts) {
		this.messages = messages;
		this.texts = texts;
		this.contacts = contacts;
	}

	@Override
	public Mono<Void> tell(InterestDecided decided) {
		return this.contacts.languageOf(decided.helperId())
			.flatMap((language) -> this.messages.startWithHelper(decided.organisationId(), decided.memberId(),
					decided.helperId(), decided.profileTitle(),
					this.texts.decision(language, decided.profileTitle(), decided.accepted())));
	}

}
