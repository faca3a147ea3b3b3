package org.zeitspende.dispatch.internal.twilio;

import java.io.IOException;
import java.util.Set;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;

import org.zeitspende.dispatch.DeliveryFailure;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.internal.Attempt;
import org.zeitspende.dispatch.internal.NotAcceptedException;
import org.zeitspende.dispatch.internal.ProviderRateLimitedException;

/**
 * Twilio's errors in our vocabulary. Twilio's own messages are left out on purpose: they
 * repeat the phone number ("The 'To' number +49... is not valid"). Only transport errors,
 * which name hosts and not people, are kept as causes.
 *
 * @see <a href="https://www.twilio.com/docs/api/errors">Twilio error codes</a>
 */
final class TwilioErrors {

	static final int OPTED_OUT = 21610;

	static final int RATE_LIMITED = 20429;

	/** The handset was off or out of coverage while Twilio tried to deliver. */
	static final int UNREACHABLE = 30003;

	/**
	 * Not a valid number (21211), not a mobile number (21614), not a mobile number that
	 * can receive SMS (21635), unknown destination handset (30005), landline or
	 * unreachable carrier (30006).
	 */
	static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21614, 21635, 30005, 30006);

	private TwilioErrors() {
	}

	static RuntimeException translate(Exception error, Attempt attempt) {
		if (error instanceof ApiException api && (api.getCode() != null || api.getStatusCode() != null)) {
			return fromAnswer(api.getCode(), (api.getStatusCode() != null) ? api.getStatusCode() : 0);
		}
		if (error instanceof ApiException || error instanceof ApiConnectionException) {
			return transportFailure(error, attempt);
		}
		return new MessageNotSentException("Twilio call failed unexpectedly (" + error.getClass().getSimpleName()
				+ "); the message may have been sent", true, null);
	}

	/**
	 * Why a message Twilio had taken did not arrive, from the error code of its status
	 * callback.
	 * @param errorCode the {@code ErrorCode} parameter, or {@code null}
	 * @return the reason
	 */
	static DeliveryFailure failure(String errorCode) {
		Integer code = parseCode(errorCode);
		if (code == null) {
			return DeliveryFailure.OTHER;
		}
		if (code == OPTED_OUT) {
			return DeliveryFailure.OPTED_OUT;
		}
		if (INVALID_NUMBER.contains(code)) {
			return DeliveryFailure.INVALID_RECIPIENT;
		}
		return (code == UNREACHABLE) ? DeliveryFailure.UNREACHABLE : DeliveryFailure.OTHER;
	}

	private static Integer parseCode(String errorCode) {
		try {
			return (errorCode != null) ? Integer.valueOf(errorCode.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static RuntimeException fromAnswer(Integer code, int status) {
		String answer = "Twilio answered " + status + ((code != null) ? " with error " + code : "");
		if (code != null && code == OPTED_OUT) {
			return new MessageRejectedException(Reason.OPTED_OUT, answer + ": the recipient has opted out");
		}
		if (code != null && INVALID_NUMBER.contains(code)) {
			return new MessageRejectedException(Reason.INVALID_RECIPIENT, answer + ": the number cannot receive SMS");
		}
		if (status == 429 || (code != null && code == RATE_LIMITED)) {
			return new ProviderRateLimitedException(answer + ": rate limited");
		}
		// Wrong credentials or a suspended account are ours to fix, not the message's
		// fault.
		if (status == 401 || status == 403) {
			return new MessageNotSentException(answer + ": check the account SID and auth token", null);
		}
		if (status >= 500) {
			return new MessageNotSentException(answer, null);
		}
		if (status >= 400) {
			return new MessageRejectedException(Reason.REJECTED, answer);
		}
		return new MessageNotSentException(answer + "; the message may have been sent", true, null);
	}

	private static RuntimeException transportFailure(Exception error, Attempt attempt) {
		Throwable cause = transportCause(error);
		if (!attempt.handedOver()) {
			return new NotAcceptedException("Twilio could not be reached", cause);
		}
		return new MessageNotSentException("No answer from Twilio after the request was sent ("
				+ ((cause != null) ? cause.getClass().getSimpleName() : error.getClass().getSimpleName())
				+ "); the message may have been sent", true, cause);
	}

	// Socket and HTTP errors name hosts; others (such as a JSON parser's) may quote the
	// answer.
	private static Throwable transportCause(Exception error) {
		Throwable cause = error.getCause();
		if (cause instanceof IOException) {
			String name = cause.getClass().getName();
			if (name.startsWith("java.net.") || name.startsWith("javax.net.") || name.startsWith("org.apache.hc.")) {
				return cause;
			}
		}
		return null;
	}

}
