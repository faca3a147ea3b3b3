package org.zeitspende.dispatch.internal.devinbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.dispatch.internal.ChannelConditions;
import org.zeitspende.dispatch.internal.InboundSms;
import org.zeitspende.dispatch.internal.SmsKeywords;

/**
 * An SMS to the service, typed in instead of sent, while SMS go to the dev inbox: the
 * replies JA, NEIN, ABSAGE, WARTEN or STOP can be tried without Twilio, and what the
 * service answers lands in the dev inbox.
 */
@RestController
@Conditional(ChannelConditions.SmsToDevInbox.class)
@Tag(name = "Dev inbox")
class DevSmsReplies {

	private final InboundSms inbound;

	private final TransactionalOperator transaction;

	DevSmsReplies(InboundSms inbound, TransactionalOperator transaction) {
		this.inbound = inbound;
		this.transaction = transaction;
	}

	@PostMapping("/api/dev/sms-replies")
	@Operation(summary = "Receive an SMS as if a helper had sent it to the service's number")
	Mono<ResponseEntity<Void>> receive(@Valid @RequestBody Reply reply) {
		String text = reply.text().strip();
		SmsReply received = new SmsReply(reply.from(), SmsKeywords.intent(text), text);
		return this.transaction.transactional(this.inbound.handle(received))
			.thenReturn(ResponseEntity.accepted().build());
	}

	/**
	 * An SMS as a helper would send it.
	 *
	 * @param from the sender's number in E.164 format, such as {@code +4915112345678}
	 * @param text what the SMS says
	 */
	record Reply(
			@NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}",
					message = "must be a number in E.164 format such as +4915112345678") String from,
			@NotBlank @Size(max = 1600) String text) {
	}

}
