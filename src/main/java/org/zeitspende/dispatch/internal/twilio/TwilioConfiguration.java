package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;

import com.twilio.http.TwilioRestClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.zeitspende.dispatch.internal.ChannelConditions;
import org.zeitspende.dispatch.internal.ProviderCalls;
import org.zeitspende.dispatch.internal.ProviderResilience;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * SMS through Twilio, active when {@code zeitspende.twilio.account-sid} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ChannelConditions.SmsByTwilio.class)
class TwilioConfiguration {

	@Bean
	TwilioSmsChannel twilioSmsChannel(TwilioProperties properties, ProviderResilience resilience,
			@Value("${zeitspende.public-base-url}") URI publicBaseUrl) {
		check(properties);
		ProviderCalls calls = resilience.callsFor("twilio");
		// Sockets give up with the time limiter, so a thread it abandoned is free again
		// soon.
		TwilioHttpClient httpClient = new TwilioHttpClient(properties.baseUrl(), calls.concurrency(),
				calls.timeLimit());
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.httpClient(httpClient)
			.build();
		return new TwilioSmsChannel(client, httpClient, calls, properties.from(), properties.messagingServiceSid(),
				publicBaseUrl);
	}

	private static void check(TwilioProperties properties) {
		String problem = null;
		if (!StringUtils.hasText(properties.authToken())) {
			problem = "ZEITSPENDE_TWILIO_AUTH_TOKEN is missing";
		}
		else if (!StringUtils.hasText(properties.from()) && !StringUtils.hasText(properties.messagingServiceSid())) {
			problem = "set ZEITSPENDE_TWILIO_FROM (the sending number) or ZEITSPENDE_TWILIO_MESSAGING_SERVICE_SID";
		}
		else if (StringUtils.hasText(properties.from()) && !Recipients.isE164(properties.from())) {
			problem = "ZEITSPENDE_TWILIO_FROM must be a number in E.164 format, such as +4930123456";
		}
		if (problem != null) {
			throw new IllegalStateException(
					"SMS go through Twilio because ZEITSPENDE_TWILIO_ACCOUNT_SID is set, but " + problem + ".");
		}
	}

}
