package org.zeitspende.dispatch.internal.twilio;

import com.twilio.rest.api.v2010.account.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.zeitspende.dispatch.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioStatusMapperTests {

	@ParameterizedTest
	@CsvSource({ "queued, QUEUED", "accepted, QUEUED", "scheduled, QUEUED", "sending, QUEUED", "sent, SENT",
			"delivered, DELIVERED", "read, DELIVERED", "undelivered, UNDELIVERED", "partially_delivered, UNDELIVERED",
			"failed, FAILED", "canceled, CANCELLED" })
	void statusOfASentMessage_mapsToOurs(String twilioStatus, DeliveryStatus expected) {
		assertThat(TwilioStatusMapper.map(twilioStatus)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "receiving", "received" })
	void statusOfAnIncomingMessage_mapsToNothing(String twilioStatus) {
		assertThat(TwilioStatusMapper.map(twilioStatus)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lost", "DELIVERED!" })
	void unknownStatus_mapsToNothing(String twilioStatus) {
		assertThat(TwilioStatusMapper.map(twilioStatus)).isEmpty();
	}

	@Test
	void missingStatus_mapsToNothing() {
		assertThat(TwilioStatusMapper.map((String) null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Message.Status.class, mode = EnumSource.Mode.EXCLUDE, names = { "RECEIVING", "RECEIVED" })
	void everyStatusTheSdkKnowsForSentMessages_isMapped(Message.Status status) {
		assertThat(TwilioStatusMapper.map(status.toString())).isPresent();
	}

}
