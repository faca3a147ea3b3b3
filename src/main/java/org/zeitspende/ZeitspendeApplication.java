package org.zeitspende;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.zeitspende.config.EventLoops;

/**
 * Zeitspende coordinates volunteers for a city or county: organisations call out for
 * helpers, the service asks matching helpers fairly and stops exactly at quota.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZeitspendeApplication {

	public static void main(String[] args) {
		EventLoops.onePerProcessor();
		try {
			SpringApplication.run(ZeitspendeApplication.class, args);
		}
		catch (RuntimeException ex) {
			// Already reported. Exit so that the shutdown hooks stop the embedded
			// servers, whose output readers would keep the JVM alive.
			System.exit(1);
		}
	}

}
