package org.zeitspende.donation;

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
import org.zeitspende.reference.Names;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * The console's donation needs: post one, set or lift the Spendenstopp, close it, and see
 * the pledges with the donors' contacts to mark them received. Another organisation's
 * need is not found.
 */
@RestController
class NeedConsolePages {

	private static final String HOME = "/console/donations";

	private final Needs needs;

	private final CommunityPages pages;

	NeedConsolePages(Needs needs, CommunityPages pages) {
		this.needs = needs;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		String title = this.pages.text("community.console.donations", language);
		return Mono.zip(this.needs.list(organisationOf(caller)), this.pages.consolePage(language, title, exchange))
			.map((loaded) -> loaded.getT2().render(listHtml(loaded.getT1(), language)));
	}

	@GetMapping(path = HOME + "/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(new Entered(Map.of("unit", List.of("Stück"), "urgency", List.of("NORMAL"))), Map.of(),
				HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewNeed need = new NewNeed(entered.value("item"), entered.constant("category", Category.class),
					entered.valueOrNull("unit"), entered.value("notes"), entered.value("place"),
					entered.constant("urgency", Urgency.class), entered.number("quantityNeeded"));
			List<InvalidField> invalid = this.pages.check(need);
			Mono<Need> created = invalid.isEmpty() ? this.needs.create(organisationOf(caller), caller.subject(), need)
					: Mono.error(new InvalidRequestException(invalid));
			return created.map((done) -> CommunityPages.seeOther(HOME + "/" + done.id()))
				.onErrorResume(InvalidRequestException.class, (ex) -> form(entered,
						this.pages.errors(ex.errors(), "console.needs", language), HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@GetMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		UUID organisation = organisationOf(caller);
		return this.needs.existing(organisation, id)
			.flatMap((need) -> Mono
				.zip(this.needs.pledges(organisation, id), this.pages.names(language), Csrf.field(exchange),
						this.pages.consolePage(language, need.item(), exchange))
				.map((loaded) -> loaded.getT4()
					.render(detailHtml(need, loaded.getT1(), loaded.getT2(), loaded.getT3(), language))))
			.onErrorResume(DonationProblem.class, (problem) -> this.pages.problem(problem, language, exchange, true));
	}

	@PostMapping(HOME + "/{id}/stop")
	Mono<ResponseEntity<String>> stop(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.needs.stop(organisationOf(caller), id, true), exchange);
	}

	@PostMapping(HOME + "/{id}/resume")
	Mono<ResponseEntity<String>> resume(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.needs.stop(organisationOf(caller), id, false), exchange);
	}

	@PostMapping(HOME + "/{id}/close")
	Mono<ResponseEntity<String>> close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.needs.close(organisationOf(caller), id), exchange);
	}

	@PostMapping(HOME + "/{id}/pledges/{pledge}/received")
	Mono<ResponseEntity<String>> received(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID pledge, ServerWebExchange exchange) {
		return back(id, this.needs.markReceived(organisationOf(caller), id, pledge), exchange);
	}

	private Mono<ResponseEntity<String>> back(UUID id, Mono<?> change, ServerWebExchange exchange) {
		return change.thenReturn(CommunityPages.seeOther(HOME + "/" + id))
			.onErrorResume(DonationProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, true));
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.pages.consoleForm(HOME, "console.needs", entered, errors, status, exchange,
				(form, names) -> form.input("item", "type=\"text\" maxlength=\"200\"")
					.select("category", this.pages.options(Category.values(), "needs.category.", language))
					.input("quantityNeeded", "type=\"number\" min=\"1\" max=\"100000\" inputmode=\"numeric\"")
					.input("unit", "type=\"text\" maxlength=\"30\"")
					.textarea("notes")
					.select("place", names.placeOptions())
					.select("urgency", this.pages.options(Urgency.values(), "needs.urgency.", language)));
	}

	private String listHtml(List<Need> list, String language) {
		return this.pages.consoleList(HOME, "community.console.donations", "console.needs",
				List.of("item", "status", "pledged"), list.stream().map((need) -> row(need, language)).toList(),
				language);
	}

	private String row(Need need, String language) {
		return "<td><a href=\"" + HOME + "/" + need.id() + "\">" + Html.text(need.item()) + "</a></td><td>"
				+ this.pages.escaped(status(need), language) + "</td><td>" + need.quantityPledged() + " / "
				+ need.quantityNeeded() + " " + Html.text(need.unit()) + "</td>";
	}

	private String detailHtml(Need need, List<Pledge> pledges, Names names, String csrf, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(need.item())).append("</h1>");
		html.append(NeedSection.stillNeeded(need, this.pages, language)).append("<dl>");
		html.append(CommunityPages.entry(this.pages.text("console.needs.status", language),
				this.pages.text(status(need), language)));
		html.append(CommunityPages.entry(this.pages.text("needs.place", language), names.place(need.place())));
		html.append(CommunityPages.entry(this.pages.text("needs.category", language),
				this.pages.text("needs.category." + need.category(), language)));
		html.append(CommunityPages.entry(this.pages.text("needs.urgency", language),
				this.pages.text("needs.urgency." + need.urgency(), language)));
		html.append(CommunityPages.entry(this.pages.text("needs.notes", language), need.notes()));
		html.append("</dl>");
		String path = HOME + "/" + need.id();
		if (need.status() == NeedStatus.OPEN) {
			html.append(need.donationStop()
					? CommunityPages.button(path + "/resume", csrf, this.pages.text("console.needs.resume", language))
					: CommunityPages.button(path + "/stop", csrf, this.pages.text("console.needs.stop", language)));
			html.append(CommunityPages.button(path + "/close", csrf, this.pages.text("console.needs.close", language)));
		}
		html.append("<h2>").append(this.pages.escaped("console.needs.pledges", language)).append("</h2>");
		if (pledges.isEmpty()) {
			return html.append("<p>")
				.append(this.pages.escaped("console.needs.pledges.empty", language))
				.append("</p>")
				.toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(this.pages.escaped("console.needs.donor", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("console.needs.quantity", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("console.needs.received", language))
			.append("</th></tr></thead><tbody>");
		for (Pledge pledge : pledges) {
			html.append("<tr><td>")
				.append(Html.text(pledge.donorName()))
				.append("<br>")
				.append(Html.text(pledge.donorContact()))
				.append("<br><span class=\"hint\">")
				.append(Html.text(this.pages.when(pledge.pledgedAt(), language)))
				.append("</span></td><td>")
				.append(pledge.quantity())
				.append("</td><td>");
			if (pledge.receivedAt() != null) {
				html.append(Html.text(this.pages.when(pledge.receivedAt(), language)));
			}
			else {
				html.append(CommunityPages.button(path + "/pledges/" + pledge.id() + "/received", csrf,
						this.pages.text("console.needs.mark-received", language)));
			}
			html.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private static String status(Need need) {
		if (need.status() == NeedStatus.CLOSED) {
			return "console.needs.status.CLOSED";
		}
		return need.donationStop() ? "console.needs.status.STOPPED" : "console.needs.status.OPEN";
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(DonationProblem::needNotFound);
	}

}
