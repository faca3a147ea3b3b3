package org.zeitspende.dispatch.internal.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio account for SMS. Without an account SID, SMS go to the dev inbox.
 *
 * @param accountSid the account SID ({@code AC...}); blank for the dev inbox
 * @param authToken the account's auth token
 * @param from the sending number in E.164 format; or leave it blank and set
 * {@code messagingServiceSid}
 * @param messagingServiceSid a Messaging Service ({@code MG...}) to send through
 * @param baseUrl blank for Twilio itself; tests point it at a local stub such as
 * {@code http://localhost:8089}
 */
@ConfigurationProperties("zeitspende.twilio")
record TwilioProperties(String accountSid, String authToken, String from, String messagingServiceSid, String baseUrl) {

}
