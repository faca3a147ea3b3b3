package org.zeitspende.dispatch.internal.devinbox;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.internal.ChannelConditions;

/**
 * The dev inbox, for each channel whose provider is not configured: the local default
 * sends nothing anywhere and shows every message at {@code /dev/inbox}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ChannelConditions.AnyChannelToDevInbox.class)
class DevInboxConfiguration {

	private static final Log log = LogFactory.getLog(DevInboxConfiguration.class);

	private final String pageUrl;

	DevInboxConfiguration(@Value("${zeitspende.public-base-url}") String publicBaseUrl,
			@Value("${zeitspende.embedded.postgres:false}") boolean embedded) {
		this.pageUrl = publicBaseUrl.replaceAll("/+$", "") + DevInboxController.PAGE;
		if (!embedded) {
			log.warn("The dev inbox at " + this.pageUrl + " shows every message it keeps, sign-in codes and links "
					+ "included, to anyone who can reach the service, and while SMS go to it, anyone can answer "
					+ "asks as any helper at /api/dev/sms-replies. Configure Twilio and SMTP before real people "
					+ "use it.");
		}
	}

	@Bean
	DevInbox devInbox() {
		return new DevInbox(Clock.systemUTC());
	}

	@Bean
	@Conditional(ChannelConditions.SmsToDevInbox.class)
	DevInboxChannel devInboxSms(DevInbox inbox) {
		return new DevInboxChannel(Channel.SMS, inbox, this.pageUrl);
	}

	@Bean
	@Conditional(ChannelConditions.EmailToDevInbox.class)
	DevInboxChannel devInboxEmail(DevInbox inbox) {
		return new DevInboxChannel(Channel.EMAIL, inbox, this.pageUrl);
	}

}
