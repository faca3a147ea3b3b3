package org.zeitspende.dispatch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingMessageTests {

	@Test
	void toString_masksTheRecipientAndLeavesOutTheContent() {
		OutgoingMessage sms = OutgoingMessage.sms("+4915112345612", "Code 123456", "verify-1");
		OutgoingMessage email = OutgoingMessage.email("helfer@example.org", "Geheim", "https://x.example/s/abc", null,
				null, "mail-1");

		assertThat(sms).hasToString("OutgoingMessage[channel=SMS, recipient=+49151****12, reference=verify-1]");
		assertThat(email.toString()).contains("h****@example.org").doesNotContain("Geheim", "abc", "helfer@");
	}

	@Test
	void withValidity_keepsEverythingElse() {
		OutgoingMessage sms = OutgoingMessage.sms("+4915112345612", "Hallo", "r-1");

		OutgoingMessage valid = sms.withValidity(Duration.ofMinutes(30));

		assertThat(valid.validity()).isEqualTo(Duration.ofMinutes(30));
		assertThat(valid.withValidity(null)).isEqualTo(sms);
	}

	@Test
	void constructor_refusesWhatCallersGotWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMessage.sms("+4915112345612", " ", "r-1"))
			.withMessageContaining("text");
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMessage.sms("+4915112345612", "Hi", "ask:1"))
			.withMessageContaining("reference");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingMessage.sms("+4915112345612", "Hi", "r-1").withValidity(Duration.ZERO))
			.withMessageContaining("validity");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new OutgoingMessage(Channel.SMS, "+4915112345612", "Subject", "Hi", null, null, "r-1", null))
			.withMessageContaining("email only");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingMessage.email("a@example.org", null, "Hi", null, null, "r-1"))
			.withMessageContaining("subject");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingMessage.email("a@example.org", "S", "Hi", null, "javascript:alert(1)", "r-1"))
			.withMessageContaining("unsubscribeUrl");
	}

}
