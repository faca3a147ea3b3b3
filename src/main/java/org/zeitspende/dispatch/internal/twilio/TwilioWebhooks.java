package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.dispatch.DeliveryFailure;
import org.zeitspende.dispatch.DeliveryReported;
import org.zeitspende.dispatch.DeliveryStatus;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.dispatch.SmsReply.Intent;
import org.zeitspende.dispatch.internal.ChannelConditions;
import org.zeitspende.dispatch.internal.InboundSms;
import org.zeitspende.dispatch.internal.Recipients;
import org.zeitspende.dispatch.internal.SmsKeywords;

/**
 * Twilio's webhooks: incoming SMS and status callbacks of sent ones. Both check the
 * request's signature before anything else and answer 403 without it. Without a Twilio
 * account they do not exist (404).
 */
@RestController
@Conditional(ChannelConditions.SmsByTwilio.class)
class TwilioWebhooks {

	private static final Log log = LogFactory.getLog(TwilioWebhooks.class);

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	private final TwilioSignatures signatures;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	private final InboundSms inbound;

	// Anyone can post to the hooks: a line per forged request would let them fill the
	// log.
	private final FailureStreak rejections;

	@Autowired
	TwilioWebhooks(TwilioProperties properties, @Value("${zeitspende.public-base-url}") URI publicBaseUrl,
			DatabaseClient database, TransactionalOperator transaction, ApplicationEventPublisher events,
			InboundSms inbound) {
		this(new TwilioSignatures(properties.authToken(), publicBaseUrl), database, transaction, events, inbound,
				Clock.systemUTC());
	}

	TwilioWebhooks(TwilioSignatures signatures, DatabaseClient database, TransactionalOperator transaction,
			ApplicationEventPublisher events, InboundSms inbound, Clock clock) {
		this.signatures = signatures;
		this.database = database;
		this.transaction = transaction;
		this.events = events;
		this.inbound = inbound;
		this.rejections = new FailureStreak(log, "Checking Twilio signatures", "request", clock);
	}

	/**
	 * An SMS to the service's number. Each message SID is acted on once; Twilio itself
	 * answers stop keywords, so the reply is empty.
	 * @param exchange the request
	 * @return empty TwiML
	 */
	@PostMapping(path = "/hooks/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	Mono<ResponseEntity<String>> incomingSms(ServerWebExchange exchange) {
		return signedForm(exchange).flatMap(this::receive)
			.thenReturn(ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML));
	}

	/**
	 * How far a message got. Reported as a {@link DeliveryReported} event; error 21610
	 * (the number sent a stop keyword earlier) opts the number out as well.
	 * @param exchange the request, with the message's reference in {@code ref}
	 * @return no content
	 */
	@PostMapping(path = "/hooks/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<ResponseEntity<Void>> statusCallback(ServerWebExchange exchange) {
		String reference = exchange.getRequest().getQueryParams().getFirst("ref");
		return signedForm(exchange).flatMap((form) -> report(reference, form))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private Mono<Map<String, String>> signedForm(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return exchange.getFormData().map((form) -> {
			Map<String, String> parameters = form.toSingleValueMap();
			if (!this.signatures.valid(request, parameters)) {
				InvalidSignatureException rejected = new InvalidSignatureException(
						(request.getHeaders().containsHeader(TwilioSignatures.HEADER) ? "invalid" : "no")
								+ " Twilio signature");
				this.rejections.failed(rejected, (before) -> log.warn("Rejected a request to "
						+ request.getURI().getRawPath() + ": " + rejected.getMessage() + before));
				throw rejected;
			}
			this.rejections.succeeded();
			return parameters;
		});
	}

	private Mono<Void> receive(Map<String, String> form) {
		String messageSid = form.get("MessageSid");
		String from = form.get("From");
		if (!StringUtils.hasText(messageSid) || !Recipients.isE164(from)) {
			log.debug("Ignored an incoming SMS without a message SID or a sender number");
			return Mono.empty();
		}
		String text = (form.get("Body") != null) ? form.get("Body").strip() : "";
		SmsReply reply = new SmsReply(from, SmsKeywords.intent(text, form.get("OptOutType")), text);
		Mono<Void> handled = firstTime(messageSid).filter(Boolean::booleanValue)
			.flatMap((first) -> this.inbound.handle(reply))
			.switchIfEmpty(Mono.fromRunnable(() -> log.debug("Incoming SMS " + messageSid + " was handled before")));
		return this.transaction.transactional(handled);
	}

	private Mono<Boolean> firstTime(String messageSid) {
		return this.database.sql("""
				insert into inbound_sms (message_sid) values (:sid)
				on conflict (message_sid) do nothing""")
			.bind("sid", messageSid)
			.fetch()
			.rowsUpdated()
			.map((inserted) -> inserted > 0);
	}

	private Mono<Void> report(String reference, Map<String, String> form) {
		String messageSid = form.get("MessageSid");
		String twilioStatus = form.get("MessageStatus");
		String errorCode = StringUtils.hasText(form.get("ErrorCode")) ? form.get("ErrorCode") : null;
		DeliveryStatus status = TwilioStatusMapper.map(twilioStatus).orElse(null);
		if (log.isDebugEnabled()) {
			log.debug("Twilio reports " + messageSid + " (reference " + reference + ") " + twilioStatus
					+ ((errorCode != null) ? " with error " + errorCode : ""));
		}
		if (status == null || !StringUtils.hasText(messageSid)) {
			return Mono.empty();
		}
		DeliveryFailure failure = (status == DeliveryStatus.UNDELIVERED || status == DeliveryStatus.FAILED)
				? TwilioErrors.failure(errorCode) : null;
		this.events.publishEvent(new DeliveryReported(reference, messageSid, status, errorCode, failure));
		String to = form.get("To");
		if (String.valueOf(TwilioErrors.OPTED_OUT).equals(errorCode) && Recipients.isE164(to)) {
			return this.transaction.transactional(this.inbound.handle(new SmsReply(to, Intent.OPT_OUT, null)));
		}
		return Mono.empty();
	}

}
