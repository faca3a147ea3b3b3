package org.zeitspende.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes events as iCalendar (RFC 5545): one {@code VEVENT} per event, times in UTC, text
 * escaped and lines folded at 75 octets, CRLF line ends. A cancelled event stays in the
 * calendar with {@code STATUS:CANCELLED}, so that calendar apps remove it.
 */
@Component
class Calendars {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_LINE_OCTETS = 75;

	private final String baseUrl;

	private final String host;

	Calendars(@Value("${zeitspende.public-base-url}") URI publicBaseUrl) {
		this.baseUrl = publicBaseUrl.toString().replaceAll("/+$", "");
		this.host = publicBaseUrl.getHost();
	}

	/**
	 * A calendar of the given events.
	 * @param name the calendar's name
	 * @param events the events
	 * @param placeNames names of places by code
	 * @return the iCalendar text
	 */
	String calendar(String name, List<Event> events, Map<String, String> placeNames) {
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Zeitspende//Events//DE");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "X-WR-CALNAME:" + text(name));
		for (Event event : events) {
			vevent(ics, event, placeNames.getOrDefault(event.place(), event.place()));
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	private void vevent(StringBuilder ics, Event event, String placeName) {
		String location = event.location().isEmpty() ? placeName : event.location() + ", " + placeName;
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + event.id() + "@" + this.host);
		line(ics, "DTSTAMP:" + utc(event.updatedAt()));
		line(ics, "LAST-MODIFIED:" + utc(event.updatedAt()));
		line(ics, "DTSTART:" + utc(event.startsAt()));
		line(ics, "DTEND:" + utc(event.endsAt()));
		line(ics, "SUMMARY:" + text(event.title()));
		if (!event.description().isEmpty()) {
			line(ics, "DESCRIPTION:" + text(event.description()));
		}
		line(ics, "LOCATION:" + text(location));
		line(ics, "URL:" + this.baseUrl + "/api/public/events/" + event.id());
		line(ics, "STATUS:" + ((event.status() == EventStatus.CANCELLED) ? "CANCELLED" : "CONFIRMED"));
		line(ics, "END:VEVENT");
	}

	private static String utc(Instant instant) {
		return UTC.format(instant);
	}

	// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped.
	private static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	// RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space;
	// a UTF-8 character is never split.
	private static void line(StringBuilder ics, String content) {
		int octets = 0;
		int limit = MAX_LINE_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				ics.append("\r\n ");
				octets = 0;
				limit = MAX_LINE_OCTETS - 1;
			}
			ics.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		ics.append("\r\n");
	}

}
