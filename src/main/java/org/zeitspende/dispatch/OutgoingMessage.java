package org.zeitspende.dispatch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.zeitspende.dispatch.internal.Recipients;

/**
 * One message to one person.
 * <p>
 * The constructor checks what callers control (a blank text, a malformed reference, email
 * fields on an SMS) and throws {@link IllegalArgumentException}. Whether the recipient
 * can be reached is the provider's business: a malformed number or address fails the send
 * with {@link MessageRejectedException} ({@code INVALID_RECIPIENT}), like a provider's
 * refusal.
 * <p>
 * {@link #toString()} masks the recipient and leaves out subject and body: they are
 * personal data and may carry codes or sign-in links.
 *
 * @param channel how it is sent
 * @param recipient E.164 number for SMS (such as {@code +4915112345678}), address for
 * EMAIL
 * @param subject the subject line; EMAIL only, required there
 * @param text the plain text; required
 * @param html the HTML alternative; EMAIL only, may be {@code null}
 * @param unsubscribeUrl one-click unsubscribe link (RFC 8058); EMAIL only, may be
 * {@code null}
 * @param reference our own id of this message: 1 to 128 letters, digits, {@code .},
 * {@code _} or {@code -}, starting with a letter or digit. It becomes the email's
 * {@code Message-ID} and the SMS status-callback URL, so keep it unique.
 * @param validity SMS only: how long Twilio may keep trying to deliver it
 * ({@code ValidityPeriod}, whole seconds, at most 10 hours); {@code null} for the
 * provider's default. Ignored for EMAIL.
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String text, String html,
		String unsubscribeUrl, String reference, Duration validity) {

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	public OutgoingMessage {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(recipient, "recipient");
		require(text != null && !text.isBlank(), "text must not be blank");
		require(reference != null && REFERENCE.matcher(reference).matches(),
				"reference must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
		require(validity == null || (!validity.isNegative() && !validity.isZero()), "validity must be positive");
		if (channel == Channel.SMS) {
			require(subject == null && html == null && unsubscribeUrl == null,
					"subject, html and unsubscribeUrl are for email only");
		}
		else {
			require(subject != null && !subject.isBlank(), "an email needs a subject");
			require(unsubscribeUrl == null || isWebAddress(unsubscribeUrl),
					"unsubscribeUrl must be an absolute http or https URL");
		}
	}

	/**
	 * An SMS with the provider's default validity.
	 * @param to the mobile number in E.164 format
	 * @param text the text, at most 1600 characters
	 * @param reference our id of the message
	 * @return the message
	 */
	public static OutgoingMessage sms(String to, String text, String reference) {
		return new OutgoingMessage(Channel.SMS, to, null, text, null, null, reference, null);
	}

	/**
	 * An email.
	 * @param to the address
	 * @param subject the subject line
	 * @param text the plain text
	 * @param html the HTML alternative, or {@code null} for plain text only
	 * @param unsubscribeUrl the one-click unsubscribe link, or {@code null}
	 * @param reference our id of the message
	 * @return the message
	 */
	public static OutgoingMessage email(String to, String subject, String text, String html, String unsubscribeUrl,
			String reference) {
		return new OutgoingMessage(Channel.EMAIL, to, subject, text, html, unsubscribeUrl, reference, null);
	}

	/**
	 * The same message with another validity.
	 * @param validity how long the provider may keep trying, or {@code null}
	 * @return a copy with the validity set
	 */
	public OutgoingMessage withValidity(Duration validity) {
		return new OutgoingMessage(this.channel, this.recipient, this.subject, this.text, this.html,
				this.unsubscribeUrl, this.reference, validity);
	}

	@Override
	public String toString() {
		return "OutgoingMessage[channel=" + this.channel + ", recipient="
				+ Recipients.mask(this.channel, this.recipient) + ", reference=" + this.reference + "]";
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalArgumentException(problem);
		}
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			return uri.isAbsolute() && uri.getHost() != null
					&& ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
