package org.zeitspende.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The live fill view's stream.
 *
 * @param heartbeat how often an idle stream sends a comment, so that proxies keep the
 * connection open
 * @param retry how long a client waits before it reconnects after the connection broke
 */
@ConfigurationProperties("zeitspende.live")
record LiveProperties(Duration heartbeat, Duration retry) {

	LiveProperties {
		Assert.isTrue(heartbeat != null && !heartbeat.isNegative() && !heartbeat.isZero(),
				"zeitspende.live.heartbeat must be positive");
		Assert.isTrue(retry != null && !retry.isNegative(), "zeitspende.live.retry must not be negative");
	}

}
