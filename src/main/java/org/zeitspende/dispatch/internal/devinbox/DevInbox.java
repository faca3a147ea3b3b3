package org.zeitspende.dispatch.internal.devinbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zeitspende.dispatch.OutgoingMessage;

/**
 * The last {@value #CAPACITY} messages that were not sent, newest first, in memory only.
 */
final class DevInbox {

	static final int CAPACITY = 500;

	static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

	private static final String TRAILING_PUNCTUATION = ".,;:!?)";

	private final Deque<DevInboxEntry> entries = new ArrayDeque<>();

	private final Clock clock;

	private long count;

	DevInbox(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Keeps a message, dropping the oldest beyond the capacity.
	 * @param message the message
	 * @return the entry it became
	 */
	DevInboxEntry keep(OutgoingMessage message) {
		synchronized (this.entries) {
			this.count++;
			DevInboxEntry entry = new DevInboxEntry("dev-" + this.count, this.clock.instant(), message.channel(),
					message.recipient(), message.subject(), message.text(), message.html(), message.unsubscribeUrl(),
					message.reference(), links(message.text()));
			this.entries.addFirst(entry);
			if (this.entries.size() > CAPACITY) {
				this.entries.removeLast();
			}
			return entry;
		}
	}

	/**
	 * The kept messages.
	 * @return a copy, newest first
	 */
	List<DevInboxEntry> newestFirst() {
		synchronized (this.entries) {
			return List.copyOf(this.entries);
		}
	}

	static List<String> links(String text) {
		Matcher matcher = LINK.matcher(text);
		return matcher.results().map((match) -> withoutTrailingPunctuation(match.group())).toList();
	}

	// "Open https://example.org/c/abc." ends the link before the full stop.
	static String withoutTrailingPunctuation(String link) {
		int end = link.length();
		while (end > 0 && TRAILING_PUNCTUATION.indexOf(link.charAt(end - 1)) >= 0) {
			end--;
		}
		return link.substring(0, end);
	}

}
