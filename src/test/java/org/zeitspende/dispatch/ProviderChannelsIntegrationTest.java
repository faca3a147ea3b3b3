package org.zeitspende.dispatch;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.TwilioStub;

/**
 * The service with both providers configured: SMS through the Twilio stub, email through
 * a GreenMail SMTP server on {@link #SMTP_PORT}. Subclasses share one application
 * context.
 */
@IntegrationTest
abstract class ProviderChannelsIntegrationTest {

	/** Picked before the context loads; GreenMail starts on it in each test class. */
	static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	static final String PUBLIC_BASE_URL = "https://zeitspende.example.org";

	static final String SENDER_NUMBER = "+4930123456789";

	static final String MAIL_FROM = "Zeitspende Göttingen <no-reply@zeitspende.example.org>";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("zeitspende.public-base-url", () -> PUBLIC_BASE_URL);
		registry.add("zeitspende.twilio.account-sid", TwilioStub::accountSid);
		registry.add("zeitspende.twilio.auth-token", TwilioStub::authToken);
		registry.add("zeitspende.twilio.from", () -> SENDER_NUMBER);
		registry.add("zeitspende.twilio.base-url", () -> TwilioStub.get().baseUrl());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("zeitspende.mail.from", () -> MAIL_FROM);
	}

}
