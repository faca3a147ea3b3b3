package org.zeitspende.dispatch.internal.devinbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.dispatch.internal.ChannelConditions;

/**
 * The dev inbox as a page and as JSON. Both exist only while a channel goes to the dev
 * inbox; neither is ever cached, as the messages carry codes and sign-in links.
 */
@RestController
@Conditional(ChannelConditions.AnyChannelToDevInbox.class)
@Tag(name = "Dev inbox", description = "Messages kept instead of sent while Twilio or SMTP is not configured")
class DevInboxController {

	static final String PAGE = "/dev/inbox";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private final DevInbox inbox;

	DevInboxController(DevInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/dev/inbox")
	@Operation(summary = "Messages kept in the dev inbox, newest first")
	ResponseEntity<List<DevInboxEntry>> messages(@Parameter(
			description = "Only messages to this number or address") @RequestParam(required = false) String to) {
		List<DevInboxEntry> entries = this.inbox.newestFirst()
			.stream()
			.filter((entry) -> to == null || isFor(entry, to))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(entries);
	}

	// An unencoded "+49..." in a query string arrives as " 49...".
	private static boolean isFor(DevInboxEntry entry, String to) {
		return entry.to().equals(to) || entry.to().equals("+" + to.strip());
	}

	@GetMapping(path = PAGE, produces = MediaType.TEXT_HTML_VALUE)
	@Hidden
	ResponseEntity<String> page() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("Referrer-Policy", "no-referrer")
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(DevInboxPage.render(this.inbox.newestFirst()));
	}

}
