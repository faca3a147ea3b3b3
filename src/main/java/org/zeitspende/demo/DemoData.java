package org.zeitspende.demo;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Seeds two organisations with members and forty helpers in Göttingen, so that a newcomer
 * can play a callout right away. Idempotent: rows that exist are left as they are.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("zeitspende.demo.enabled")
class DemoData implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(DemoData.class);

	private final ConnectionFactory connectionFactory;

	DemoData(ConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up runs on the main thread, so waiting here blocks no event loop.
		new ResourceDatabasePopulator(new ClassPathResource("demo/demo-data.sql")).populate(this.connectionFactory)
			.block(Duration.ofMinutes(1));
		log.info("Demo data is in place: 2 organisations with their members, 40 helpers, and demo logins with the "
				+ "password zeitspende-demo (zeitspende.demo.enabled=false turns it off)");
	}

}
