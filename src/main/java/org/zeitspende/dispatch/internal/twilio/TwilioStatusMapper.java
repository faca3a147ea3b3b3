package org.zeitspende.dispatch.internal.twilio;

import java.util.Optional;

import com.twilio.rest.api.v2010.account.Message;

import org.zeitspende.dispatch.DeliveryStatus;

/**
 * Twilio's message statuses in our vocabulary. The switch covers every status the SDK
 * knows, so a status added to the SDK fails the build until it is mapped here.
 *
 * @see <a href="https://www.twilio.com/docs/messaging/api/message-resource">Message
 * status values</a>
 */
final class TwilioStatusMapper {

	private TwilioStatusMapper() {
	}

	/**
	 * Maps a status callback's {@code MessageStatus}.
	 * @param twilioStatus such as {@code delivered}
	 * @return the status, or empty for statuses of incoming messages and unknown ones
	 */
	static Optional<DeliveryStatus> map(String twilioStatus) {
		Message.Status status = Message.Status.forValue(twilioStatus);
		return (status != null) ? Optional.ofNullable(map(status)) : Optional.empty();
	}

	static DeliveryStatus map(Message.Status status) {
		return switch (status) {
			case ACCEPTED, SCHEDULED, QUEUED, SENDING -> DeliveryStatus.QUEUED;
			case SENT -> DeliveryStatus.SENT;
			// Reads are reported for WhatsApp only; read implies delivered.
			case DELIVERED, READ -> DeliveryStatus.DELIVERED;
			// Some segments did not arrive: the text may lack its link, so it counts as
			// not delivered.
			case UNDELIVERED, PARTIALLY_DELIVERED -> DeliveryStatus.UNDELIVERED;
			case FAILED -> DeliveryStatus.FAILED;
			case CANCELED -> DeliveryStatus.CANCELLED;
			// Statuses of incoming messages say nothing about one we sent.
			case RECEIVING, RECEIVED -> null;
		};
	}

}
