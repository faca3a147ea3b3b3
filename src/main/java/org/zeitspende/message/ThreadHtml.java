package org.zeitspende.message;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.web.Html;

/**
 * Threads as HTML, the same for the helper's pages and the console's: the list, one
 * thread with its messages and the reply form. Texts are the {@code threads.*} keys of
 * the community pages.
 */
@Component
class ThreadHtml {

	private final CommunityPages pages;

	ThreadHtml(CommunityPages pages) {
		this.pages = pages;
	}

	/**
	 * The helper's list of threads, latest activity first, each linked to its page (the
	 * console's is a console list of the same rows).
	 * @param threads the threads
	 * @param home the list's path; a thread's page is below it
	 * @param helperSide whether the helper reads: the helper is not named among those in
	 * the thread
	 * @param language {@code de} or {@code en}
	 * @return the list's HTML with its heading
	 */
	String list(List<MessageThread> threads, String home, boolean helperSide, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("threads.title", language))
			.append("</h1>");
		if (threads.isEmpty()) {
			return html.append("<p>").append(this.pages.escaped("threads.empty", language)).append("</p>").toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(this.pages.escaped("threads.subject", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("threads.with", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("threads.last", language))
			.append("</th></tr></thead><tbody>");
		rows(threads, home, helperSide, language).forEach((row) -> html.append("<tr>").append(row).append("</tr>"));
		return html.append("</tbody></table>").toString();
	}

	/**
	 * The threads as table rows: subject with the link to the thread, who is in it, when
	 * the latest message was written.
	 * @param threads the threads
	 * @param home the list's path; a thread's page is below it
	 * @param helperSide whether the helper reads: the helper is not named among those in
	 * the thread
	 * @param language {@code de} or {@code en}
	 * @return the rows' cells, as {@code <td>} elements
	 */
	List<String> rows(List<MessageThread> threads, String home, boolean helperSide, String language) {
		return threads.stream()
			.map((thread) -> "<td><a href=\"" + home + "/" + thread.id() + "\">" + Html.text(thread.subject())
					+ "</a></td><td>" + Html.text(participants(thread, helperSide)) + "</td><td>"
					+ Html.text(this.pages.when(thread.lastMessageAt(), language)) + "</td>")
			.toList();
	}

	/**
	 * One thread: its subject, who is in it, its messages oldest first, and the reply
	 * form with what was typed and its error.
	 * @param conversation the thread and its messages
	 * @param action where the reply form posts
	 * @param helperSide whether the helper reads: the helper's messages are "yours"
	 * @param entered what was typed into the reply form
	 * @param errors error text by field
	 * @param csrf the CSRF field
	 * @param language {@code de} or {@code en}
	 * @return the thread's HTML
	 */
	String thread(Conversation conversation, String action, boolean helperSide, Entered entered,
			Map<String, String> errors, String csrf, String language) {
		MessageThread thread = conversation.thread();
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(thread.subject()))
			.append("</h1><p>")
			.append(this.pages.escaped("threads.with", language))
			.append(": ")
			.append(Html.text(participants(thread, helperSide)))
			.append("</p>");
		for (ThreadMessage message : conversation.messages()) {
			html.append("<article><h2>")
				.append(Html.text(author(message, thread, helperSide, language)))
				.append(" · ")
				.append(Html.text(this.pages.when(message.createdAt(), language)))
				.append("</h2><p>")
				.append(Html.text(message.text()).replace("\n", "<br>"))
				.append("</p></article>");
		}
		return html
			.append(this.pages.form(language, "threads.reply", entered, errors)
				.summary()
				.raw("<form method=\"post\" action=\"" + Html.text(action) + "\" novalidate>" + csrf)
				.textarea("text")
				.submit("threads.reply.send"))
			.toString();
	}

	private String author(ThreadMessage message, MessageThread thread, boolean helperSide, String language) {
		if (message.organisation() != null) {
			return message.organisation().name();
		}
		return helperSide ? this.pages.text("threads.you", language) : thread.helper();
	}

	private static String participants(MessageThread thread, boolean helperSide) {
		Stream<String> organisations = thread.organisations().stream().map(Participant::name);
		Stream<String> helper = (helperSide || thread.helper() == null) ? Stream.empty() : Stream.of(thread.helper());
		return Stream.concat(organisations, helper).collect(Collectors.joining(", "));
	}

}
