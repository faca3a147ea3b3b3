package org.zeitspende.dispatch;

/**
 * The provider reported how far a message got. Published as an application event for
 * every report, repeats included; listeners move a message's status forward only.
 *
 * @param reference the reference the message was sent with, or {@code null} when the
 * report carried none
 * @param providerId the provider's id of the message (Twilio's message SID)
 * @param status how far it got
 * @param errorCode the provider's error code, or {@code null}
 * @param failure why it did not arrive; {@code null} unless the status is
 * {@link DeliveryStatus#UNDELIVERED} or {@link DeliveryStatus#FAILED}
 */
public record DeliveryReported(String reference, String providerId, DeliveryStatus status, String errorCode,
		DeliveryFailure failure) {

}
