package org.zeitspende.news;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes news posts as an Atom feed (RFC 4287). Each entry carries the sanitised HTML as
 * escaped {@code html} content and its organisation as author.
 */
@Component
class AtomFeeds {

	private final String baseUrl;

	AtomFeeds(@Value("${zeitspende.public-base-url}") URI publicBaseUrl) {
		this.baseUrl = publicBaseUrl.toString().replaceAll("/+$", "");
	}

	/**
	 * A feed of the given posts.
	 * @param title the feed's title
	 * @param path the feed's own path, e.g. {@code /api/public/news.atom}
	 * @param posts the posts, newest first
	 * @param authors organisation names by id
	 * @return the feed's XML
	 */
	String feed(String title, String path, List<NewsPost> posts, Map<UUID, String> authors) {
		Instant updated = posts.stream().map(NewsPost::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				""");
		element(xml, "id", this.baseUrl + path);
		element(xml, "title", title);
		element(xml, "updated", updated.toString());
		xml.append("<link rel=\"self\" href=\"").append(escape(this.baseUrl + path)).append("\"/>\n");
		xml.append("<author><name>Zeitspende</name></author>\n");
		for (NewsPost post : posts) {
			xml.append("<entry>\n");
			element(xml, "id", "urn:uuid:" + post.id());
			element(xml, "title", post.title());
			element(xml, "published", post.publishedAt().toString());
			element(xml, "updated", post.updatedAt().toString());
			xml.append("<author><name>")
				.append(escape(authors.getOrDefault(post.organisationId(), "Zeitspende")))
				.append("</name></author>\n");
			xml.append("<link rel=\"alternate\" href=\"")
				.append(escape(this.baseUrl + "/api/public/news/" + post.id()))
				.append("\"/>\n");
			xml.append("<content type=\"html\">").append(escape(post.html())).append("</content>\n");
			xml.append("</entry>\n");
		}
		return xml.append("</feed>\n").toString();
	}

	private static void element(StringBuilder xml, String name, String text) {
		xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
