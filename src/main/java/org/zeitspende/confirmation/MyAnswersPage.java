package org.zeitspende.confirmation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.Caller;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * A signed-in helper's asks and answers, newest callout first: what, where, when, what
 * became of the callout and what the helper said.
 */
@RestController
class MyAnswersPage {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy, HH:mm");

	private static final int SHOWN = 50;

	private final DatabaseClient database;

	private final ReferenceData reference;

	private final Pages pages;

	MyAnswersPage(DatabaseClient database, ReferenceData reference, Pages pages) {
		this.database = database;
		this.reference = reference;
		this.pages = pages;
	}

	@GetMapping(path = "/h/me/asks", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Callers.current()
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.flatMap((helper) -> Mono.zip(asks(helper), this.reference.activities(), this.reference.places()))
			.map((loaded) -> this.pages.page(language, text("myasks.title", language))
				.navigation("<a href=\"/h/me\">" + escaped("myasks.profile", language) + "</a>")
				.render(html(loaded.getT1(), loaded.getT2(), loaded.getT3(), language)));
	}

	private Mono<List<MyAsk>> asks(UUID helper) {
		return this.database.sql("""
				select c.activity_code, c.place_code, c.starts_at, c.status, k.answer
				from ask a join callout c on c.id = a.callout_id
				left join confirmation k on k.callout_id = a.callout_id and k.helper_id = a.helper_id
				where a.helper_id = :helper
				order by c.starts_at desc
				limit :shown""")
			.bind("helper", helper)
			.bind("shown", SHOWN)
			.map((row) -> new MyAsk(row.get("activity_code", String.class), row.get("place_code", String.class),
					row.get("starts_at", OffsetDateTime.class), row.get("status", String.class),
					row.get("answer", String.class)))
			.all()
			.collectList();
	}

	private String html(List<MyAsk> asks, List<Activity> activities, List<Place> places, String language) {
		boolean english = "en".equals(language);
		StringBuilder html = new StringBuilder("<h1>").append(escaped("myasks.title", language)).append("</h1>");
		if (asks.isEmpty()) {
			return html.append("<p>").append(escaped("myasks.none", language)).append("</p>").toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(escaped("myasks.what", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("myasks.when", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("myasks.answer", language))
			.append("</th></tr></thead><tbody>");
		for (MyAsk ask : asks) {
			String activity = activities.stream()
				.filter((known) -> known.code().equals(ask.activity()))
				.map((known) -> english ? known.nameEn() : known.nameDe())
				.findFirst()
				.orElse(ask.activity());
			String place = places.stream()
				.filter((known) -> known.code().equals(ask.place()))
				.map(Place::name)
				.findFirst()
				.orElse(ask.place());
			html.append("<tr><td>")
				.append(Html.text(activity))
				.append(", ")
				.append(Html.text(place))
				.append("</td><td>")
				.append(ask.startsAt().atZoneSameInstant(ZONE).format(WHEN))
				.append("<br>")
				.append(escaped("console.status." + ask.status(), language))
				.append("</td><td class=\"status\">")
				.append(escaped("myasks.answer." + ((ask.answer() != null) ? ask.answer() : "NONE"), language))
				.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private String text(String key, String language) {
		return this.pages.text(key, language);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

	private record MyAsk(String activity, String place, OffsetDateTime startsAt, String status, String answer) {
	}

}
