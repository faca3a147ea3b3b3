package org.zeitspende.message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.config.InvalidField;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Page;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * A signed-in helper's threads with organisations as pages: the list, one thread and the
 * reply form. Another helper's thread is not found.
 */
@RestController
class HelperMessagePages {

	static final String HOME = "/h/me/messages";

	private static final int SHOWN = 50;

	private final Messages messages;

	private final ThreadHtml html;

	private final CommunityPages community;

	private final Pages pages;

	HelperMessagePages(Messages messages, ThreadHtml html, CommunityPages community, Pages pages) {
		this.messages = messages;
		this.html = html;
		this.community = community;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return HelperMessageController.helperId()
			.flatMap((helperId) -> this.messages.threadsOfHelper(helperId, SHOWN, 0))
			.map((threads) -> page(language, HttpStatus.OK).render(this.html.list(threads, HOME, true, language)));
	}

	@GetMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> thread(@PathVariable UUID id, ServerWebExchange exchange) {
		return thread(id, Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> reply(@PathVariable UUID id, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewMessage message = new NewMessage(entered.value("text"));
			List<InvalidField> invalid = this.community.check(message);
			if (!invalid.isEmpty()) {
				return thread(id, entered, this.community.errors(invalid, "threads.reply", language),
						HttpStatus.BAD_REQUEST, exchange);
			}
			return HelperMessageController.helperId()
				.flatMap((helperId) -> this.messages.replyAsHelper(helperId, id, message))
				.thenReturn(CommunityPages.seeOther(HOME + "/" + id))
				.onErrorResume(MessageProblem.class,
						(problem) -> this.community.problem(problem, language, exchange, false));
		});
	}

	private Mono<ResponseEntity<String>> thread(UUID id, Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return HelperMessageController.helperId()
			.flatMap((helperId) -> Mono.zip(this.messages.conversationOfHelper(helperId, id), Csrf.field(exchange)))
			.map((loaded) -> page(language, status).render(
					this.html.thread(loaded.getT1(), HOME + "/" + id, true, entered, errors, loaded.getT2(), language)))
			.onErrorResume(MessageProblem.class,
					(problem) -> this.community.problem(problem, language, exchange, false));
	}

	private Page page(String language, HttpStatus status) {
		return this.pages.page(language, this.community.text("threads.title", language))
			.status(status)
			.navigation("<a href=\"/h/me\">" + this.community.escaped("threads.profile", language) + "</a><a href=\""
					+ HOME + "\">" + this.community.escaped("threads.title", language) + "</a>");
	}

}
