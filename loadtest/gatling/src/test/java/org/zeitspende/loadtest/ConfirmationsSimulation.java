package org.zeitspende.loadtest;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Confirmations through the service's API, every one by a helper of its own (a feeder of
 * seeded link tokens, one line each, read in order and never twice). Two injection
 * profiles, chosen with {@code -Dprofile}:
 * <ul>
 * <li>{@code open}: an open model at {@code -Drate} new helpers per second for
 * {@code -Dseconds} (S1-lat);</li>
 * <li>{@code burst}: {@code -Dusers} helpers at once (S2), each on a connection of its
 * own.</li>
 * </ul>
 * Traffic goes to {@code -DbaseUrl} (loopback).
 */
public class ConfirmationsSimulation extends Simulation {

	private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:58081");

	private static final String TOKENS = System.getProperty("tokens");

	private static final String PROFILE = System.getProperty("profile", "open");

	private final HttpProtocolBuilder httpProtocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.shareConnections();

	private final ScenarioBuilder confirm = scenario("confirm " + PROFILE).feed(csv(TOKENS).queue())
		.exec(http("accept").post("/api/asks/#{token}/accept").check(status().is(200), jsonPath("$.outcome").exists()));

	{
		if ("burst".equals(PROFILE)) {
			setUp(this.confirm.injectOpen(atOnceUsers(Integer.getInteger("users", 10_000))))
				.protocols(http.baseUrl(BASE_URL).acceptHeader("application/json"))
				.maxDuration(Duration.ofSeconds(Integer.getInteger("timeout", 60)));
		}
		else {
			setUp(this.confirm.injectOpen(
					constantUsersPerSec(Double.parseDouble(System.getProperty("rate", "100")))
						.during(Duration.ofSeconds(Integer.getInteger("seconds", 20)))))
				.protocols(this.httpProtocol)
				.maxDuration(Duration.ofSeconds(Integer.getInteger("seconds", 20) + 60));
		}
	}

}
