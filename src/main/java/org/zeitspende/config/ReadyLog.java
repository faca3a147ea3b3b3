package org.zeitspende.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the service where to open it.
 */
@Component
class ReadyLog {

	private static final Log log = LogFactory.getLog(ReadyLog.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext context)) {
			return;
		}
		String base = "http://localhost:" + context.getWebServer().getPort();
		Environment environment = context.getEnvironment();
		StringBuilder message = new StringBuilder("Zeitspende is ready.").append("\n  Helper pages:      ")
			.append(base)
			.append("/")
			.append("\n  Organiser console: ")
			.append(base)
			.append("/login")
			.append("\n  API documentation: ")
			.append(base)
			.append("/swagger-ui.html")
			.append("\n  OpenAPI document:  ")
			.append(base)
			.append("/v3/api-docs")
			.append("\n  Readiness:         ")
			.append(base)
			.append("/readyz")
			.append("\n  Places (sample):   ")
			.append(base)
			.append("/api/places");
		if (environment.getProperty("zeitspende.embedded.postgres", Boolean.class, false)) {
			message.append("\n  Embedded PostgreSQL: ").append(environment.getProperty("spring.r2dbc.url"));
		}
		if (environment.getProperty("zeitspende.embedded.redis", Boolean.class, false)) {
			message.append("\n  Embedded Redis:      ").append(environment.getProperty("spring.data.redis.url"));
		}
		log.info(message);
	}

}
