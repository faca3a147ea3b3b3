package org.zeitspende.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.PageLanguage;

/**
 * The console's messages: the organisation's threads with other organisations and with
 * helpers (shown by pseudonym), one thread and the reply form. A thread the organisation
 * is not in is not found. A form starts a thread with another approved organisation.
 */
@RestController
class MessageConsolePages {

	private static final String HOME = "/console/messages";

	private static final int SHOWN = 50;

	private final Messages messages;

	private final ThreadHtml html;

	private final CommunityPages pages;

	private final OrganisationNames names;

	MessageConsolePages(Messages messages, ThreadHtml html, CommunityPages pages, OrganisationNames names) {
		this.messages = messages;
		this.names = names;
		this.html = html;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.messages.threadsOf(MessageController.organisationOf(caller), SHOWN, 0),
					this.pages.consolePage(language, this.pages.text("threads.title", language), exchange))
			.map((loaded) -> loaded.getT2()
				.render(this.pages.consoleList(HOME, "threads.title", "threads", List.of("subject", "with", "last"),
						this.html.rows(loaded.getT1(), HOME, false, language), language)));
	}

	@GetMapping(path = HOME + "/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		return form(caller, Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	// A thread with one other approved organisation; the API also starts threads with
	// helpers and with several organisations.
	@PostMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> start(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			UUID organisation = uuid(entered.value("organisation"));
			NewThread thread = new NewThread(entered.value("subject"), entered.value("text"),
					(organisation != null) ? List.of(organisation) : null, null, null);
			List<InvalidField> invalid = new ArrayList<>(this.pages.check(thread));
			if (organisation == null) {
				invalid.add(new InvalidField("organisation", "is required"));
			}
			if (!invalid.isEmpty()) {
				return form(caller, entered, this.pages.errors(invalid, "threads", language), HttpStatus.BAD_REQUEST,
						exchange);
			}
			return Mono.defer(() -> this.messages.start(caller, MessageController.organisationOf(caller), thread))
				.map((started) -> CommunityPages.seeOther(HOME + "/" + started.get(0).id()))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(caller, entered, this.pages
							.errors(List.of(new InvalidField("organisation", "is not approved")), "threads", language),
								HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@GetMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> thread(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return thread(caller, id, Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> reply(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewMessage message = new NewMessage(entered.value("text"));
			List<InvalidField> invalid = this.pages.check(message);
			if (!invalid.isEmpty()) {
				return thread(caller, id, entered, this.pages.errors(invalid, "threads.reply", language),
						HttpStatus.BAD_REQUEST, exchange);
			}
			return Mono.defer(
					() -> this.messages.reply(MessageController.organisationOf(caller), caller.subject(), id, message))
				.thenReturn(CommunityPages.seeOther(HOME + "/" + id))
				.onErrorResume(MessageProblem.class,
						(problem) -> this.pages.problem(problem, language, exchange, true));
		});
	}

	private Mono<ResponseEntity<String>> form(Caller caller, Entered entered, Map<String, String> errors,
			HttpStatus status, ServerWebExchange exchange) {
		UUID own = MessageController.organisationOf(caller);
		return this.names.approved().flatMap((approved) -> {
			Map<String, String> others = new LinkedHashMap<>();
			approved.forEach((id, name) -> {
				if (!id.equals(own)) {
					others.put(id.toString(), name);
				}
			});
			return this.pages.consoleForm(HOME, "threads", entered, errors, status, exchange,
					(form, names) -> form.select("organisation", others)
						.input("subject", "type=\"text\" maxlength=\"200\"")
						.textarea("text"));
		});
	}

	private Mono<ResponseEntity<String>> thread(Caller caller, UUID id, Entered entered, Map<String, String> errors,
			HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.defer(() -> Mono.zip(this.messages.conversation(MessageController.organisationOf(caller), id),
					Csrf.field(exchange),
					this.pages.consolePage(language, this.pages.text("threads.title", language), exchange)))
			.map((loaded) -> loaded.getT3()
				.status(status)
				.render(this.html.thread(loaded.getT1(), HOME + "/" + id, false, entered, errors, loaded.getT2(),
						language)))
			.onErrorResume(MessageProblem.class, (problem) -> this.pages.problem(problem, language, exchange, true));
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
