package org.zeitspende.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.DonationRows;
import org.zeitspende.testing.EventRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.NewsRows;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every protected endpoint in {@link #ENDPOINTS}: without a token
 * or with a bad one the answer is 401, with a role that is not allowed 403, and another
 * organisation's resource is not found (404). Add each new protected endpoint to the
 * table; a path or body placeholder such as {@code {member}} is filled by
 * {@link #RESOURCES}, where a new kind of resource gets the function that creates one for
 * an organisation.
 */
@IntegrationTest
class AccessControlMatrixIntegrationTests {

	private static final Set<Role> MEMBERS = EnumSet.of(Role.ADMIN, Role.COORDINATOR);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	private static final Set<Role> OPERATORS = EnumSet.of(Role.OPERATOR);

	private static final Set<Role> HELPERS = EnumSet.of(Role.HELPER);

	private static final String PROFILE = "{\"title\": \"Matrix\", \"activity\": \"fahrdienst\", "
			+ "\"hoursPerWeek\": 2, \"commitment\": \"REGULAR\", \"volunteersSought\": 1}";

	/** Every protected endpoint and the roles allowed to call it. */
	static final List<Endpoint> ENDPOINTS = List.of(
			// organisation
			Endpoint.of(HttpMethod.GET, "/api/organisation", MEMBERS),
			Endpoint.of(HttpMethod.PATCH, "/api/organisation", ADMINS).body("{\"description\": \"Matrix\"}"),
			Endpoint.of(HttpMethod.GET, "/api/organisation/members", ADMINS),
			Endpoint.of(HttpMethod.POST, "/api/organisation/members", ADMINS)
				.body("{\"email\": \"{email}\", \"password\": \"matrix password 1\", \"role\": \"COORDINATOR\"}"),
			Endpoint.of(HttpMethod.PATCH, "/api/organisation/members/{member}", ADMINS).body("{\"role\": \"ADMIN\"}"),
			Endpoint.of(HttpMethod.DELETE, "/api/organisation/members/{member}", ADMINS),
			Endpoint.of(HttpMethod.POST, "/api/me/password", EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR))
				.body("{\"currentPassword\": \"" + Tenants.PASSWORD + "\", \"newPassword\": \"matrix password 2\"}"),
			// callouts
			Endpoint.of(HttpMethod.POST, "/api/callouts", MEMBERS)
				.body("{\"activity\": \"fahrdienst\", \"place\": \"goettingen-grone\", \"startsAt\": \"{tomorrow}\", "
						+ "\"endsAt\": \"{dayAfterTomorrow}\", \"needed\": 2}"),
			Endpoint.of(HttpMethod.GET, "/api/callouts", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/callouts/{callout}", MEMBERS),
			Endpoint.of(HttpMethod.PATCH, "/api/callouts/{callout}", MEMBERS).body("{\"details\": \"Matrix\"}"),
			Endpoint.of(HttpMethod.POST, "/api/callouts/{callout}/cancel", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/callouts/{callout}/preview", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/callouts/{callout}/events", MEMBERS),
			// requirement profiles
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles", MEMBERS).body(PROFILE),
			Endpoint.of(HttpMethod.GET, "/api/requirement-profiles", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/requirement-profiles/{profile}", MEMBERS),
			Endpoint.of(HttpMethod.PUT, "/api/requirement-profiles/{profile}", MEMBERS).body(PROFILE),
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles/{profile}/pause", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles/{profile}/open", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles/{profile}/close", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/requirement-profiles/{profile}/interests", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles/{interest}/accept", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/requirement-profiles/{interest}/decline", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/me/interests", HELPERS),
			// events
			Endpoint.of(HttpMethod.POST, "/api/events", MEMBERS)
				.body("{\"title\": \"Matrix\", \"place\": \"goettingen-grone\", \"startsAt\": \"{tomorrow}\", "
						+ "\"endsAt\": \"{dayAfterTomorrow}\", \"capacity\": 3}"),
			Endpoint.of(HttpMethod.GET, "/api/events", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/events/{event}", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/events/{event}/cancel", MEMBERS),
			// news
			Endpoint.of(HttpMethod.POST, "/api/news", MEMBERS).body("{\"title\": \"Matrix\", \"body\": \"Hallo\"}"),
			Endpoint.of(HttpMethod.GET, "/api/news", MEMBERS), Endpoint.of(HttpMethod.GET, "/api/news/{news}", MEMBERS),
			Endpoint.of(HttpMethod.DELETE, "/api/news/{news}", MEMBERS),
			// donation needs
			Endpoint.of(HttpMethod.POST, "/api/donation-needs", MEMBERS)
				.body("{\"item\": \"Matrix\", \"category\": \"OTHER\", \"place\": \"goettingen-grone\", "
						+ "\"quantityNeeded\": 3}"),
			Endpoint.of(HttpMethod.GET, "/api/donation-needs", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/donation-needs/{need}", MEMBERS),
			Endpoint.of(HttpMethod.PUT, "/api/donation-needs/{need}/donation-stop", MEMBERS),
			Endpoint.of(HttpMethod.DELETE, "/api/donation-needs/{need}/donation-stop", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/donation-needs/{need}/close", MEMBERS),
			Endpoint.of(HttpMethod.GET, "/api/donation-needs/{need}/pledges", MEMBERS),
			Endpoint.of(HttpMethod.POST, "/api/donation-needs/{pledge}/received", MEMBERS),
			// operators
			Endpoint.of(HttpMethod.GET, "/api/admin/organisations", OPERATORS),
			Endpoint.of(HttpMethod.POST, "/api/admin/organisations/{organisation}/approve", OPERATORS),
			Endpoint.of(HttpMethod.POST, "/api/admin/organisations/{organisation}/suspend", OPERATORS),
			Endpoint.of(HttpMethod.GET, "/api/admin/fairness", OPERATORS));

	/**
	 * How a placeholder becomes a resource of the given organisation, and whether that
	 * resource belongs to the organisation (then another organisation's admin must not
	 * find it).
	 */
	static final Map<String, Resource> RESOURCES = Map.ofEntries(
			// A fresh coordinator, so that removing it never meets the last-admin rule.
			Map.entry("member",
					Resource.owned((tenants, tenant) -> tenants.member(tenant.id(), "COORDINATOR").id().toString())),
			// Operators act on any organisation.
			Map.entry("organisation", Resource.shared((tenants, tenant) -> tenant.id().toString())),
			Map.entry("email",
					Resource.shared((tenants, tenant) -> "matrix-" + UUID.randomUUID() + "@test.example.org")),
			// An open callout starting tomorrow, so that it may still be changed.
			Map.entry("callout",
					Resource.owned((tenants, tenant) -> new CalloutRows(tenants.database())
						.open(tenant.id(), tenant.coordinator().id())
						.toString())),
			// An open requirement profile.
			Map.entry("profile",
					Resource.owned((tenants, tenant) -> new RequirementProfileRows(tenants.database())
						.open(tenant.id(), tenant.coordinator().id())
						.toString())),
			// A helper's pending interest, as "<profile>/interests/<interest>".
			Map.entry("interest", Resource.owned(AccessControlMatrixIntegrationTests::pendingInterest)),
			// A scheduled event tomorrow.
			Map.entry("event",
					Resource.owned((tenants, tenant) -> new EventRows(tenants.database())
						.scheduled(tenant.id(), tenant.coordinator().id())
						.toString())),
			// A published news post.
			Map.entry("news",
					Resource.owned((tenants, tenant) -> new NewsRows(tenants.database())
						.published(tenant.id(), tenant.coordinator().id())
						.toString())),
			// An open donation need.
			Map.entry("need",
					Resource.owned((tenants, tenant) -> new DonationRows(tenants.database())
						.open(tenant.id(), tenant.coordinator().id())
						.toString())),
			// A pledge, as "<need>/pledges/<pledge>".
			Map.entry("pledge", Resource.owned(AccessControlMatrixIntegrationTests::pledge)),
			Map.entry("tomorrow",
					Resource.shared((tenants, tenant) -> Instant.now().plus(Duration.ofDays(1)).toString())),
			Map.entry("dayAfterTomorrow",
					Resource.shared((tenants, tenant) -> Instant.now().plus(Duration.ofDays(2)).toString())));

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	Tenants tenants;

	Tokens tokens;

	@BeforeEach
	void setUp() {
		this.tenants = new Tenants(this.database);
		this.tokens = Tokens.of(this.environment);
	}

	static Stream<Endpoint> endpoints() {
		return ENDPOINTS.stream();
	}

	static Stream<Endpoint> memberEndpoints() {
		return ENDPOINTS.stream().filter((endpoint) -> endpoint.allowed().contains(Role.ADMIN));
	}

	static Stream<Endpoint> tenantScopedEndpoints() {
		return ENDPOINTS.stream()
			.filter((endpoint) -> RESOURCES.entrySet()
				.stream()
				.anyMatch((resource) -> resource.getValue().owned()
						&& endpoint.path().contains("{" + resource.getKey() + "}")));
	}

	static Stream<Arguments> allowedCallers() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> endpoint.allowed().stream().map((role) -> Arguments.of(endpoint, role)));
	}

	static Stream<Arguments> refusedCallers() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Arrays.stream(Role.values())
				.filter((role) -> !endpoint.allowed().contains(role))
				.map((role) -> Arguments.of(endpoint, role)));
	}

	static Stream<Arguments> badTokens() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Arrays.stream(BadToken.values()).map((token) -> Arguments.of(endpoint, token)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void withoutToken_answers401(Endpoint endpoint) {
		Tenant tenant = this.tenants.approved();
		String body = unauthenticated(call(endpoint, tenant, tenant, null), "Bearer");
		assertThat(body).contains("This needs a bearer token");
	}

	@ParameterizedTest(name = "{0} with {1} token")
	@MethodSource("badTokens")
	void withABadToken_answers401_withoutSayingWhy(Endpoint endpoint, BadToken badToken) {
		Tenant tenant = this.tenants.approved();
		Role role = endpoint.allowed().iterator().next();
		String token = badToken.mint(validToken(role, tenant));
		String body = unauthenticated(call(endpoint, tenant, tenant, token), "Bearer error=\"invalid_token\"");
		assertThat(body).contains("The bearer token is not valid")
			.doesNotContainIgnoringCase("expired")
			.doesNotContainIgnoringCase("aud")
			.doesNotContainIgnoringCase("iss")
			.doesNotContainIgnoringCase("signature");
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("allowedCallers")
	void allowedRole_onItsOwnResources_isServed(Endpoint endpoint, Role role) {
		Tenant tenant = this.tenants.approved();
		FluxExchangeResult<String> result = call(endpoint, tenant, tenant, validToken(role, tenant).sign())
			.returnResult(String.class);
		// Read no further than the first element: a live stream would never end.
		result.getResponseBody().next().block(Duration.ofSeconds(10));
		assertThat(result.getStatus().value()).as("%s as %s", endpoint, role).isBetween(200, 299);
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("refusedCallers")
	void otherRoles_answer403(Endpoint endpoint, Role role) {
		Tenant tenant = this.tenants.approved();
		call(endpoint, tenant, tenant, validToken(role, tenant).sign()).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/forbidden");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tenantScopedEndpoints")
	void adminOfOneOrganisation_onAnothersResource_answers404(Endpoint endpoint) {
		Tenant own = this.tenants.approved();
		Tenant other = this.tenants.approved();
		call(endpoint, own, other, validToken(Role.ADMIN, own).sign()).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("memberEndpoints")
	void membersOfASuspendedOrganisation_answer403(Endpoint endpoint) {
		Tenant suspended = this.tenants.create("SUSPENDED");
		Role role = endpoint.allowed().contains(Role.ADMIN) ? Role.ADMIN : Role.COORDINATOR;
		call(endpoint, suspended, suspended, validToken(role, suspended).sign()).expectStatus().isForbidden();
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "ADMIN", "COORDINATOR", "OPERATOR" })
	void helperSelfService_isForHelpersOnly(Role role) {
		Tenant tenant = this.tenants.approved();
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(validToken(role, tenant).sign()))
			.exchange()
			.expectStatus()
			.isForbidden();
		// Past the access rules: a helper token for nobody finds no profile.
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(validToken(Role.HELPER, tenant).sign()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private static String pledge(Tenants tenants, Tenant tenant) {
		DonationRows donations = new DonationRows(tenants.database());
		UUID need = donations.open(tenant.id(), tenant.coordinator().id());
		return need + "/pledges/" + donations.pledge(need);
	}

	private static String pendingInterest(Tenants tenants, Tenant tenant) {
		RequirementProfileRows profiles = new RequirementProfileRows(tenants.database());
		UUID profile = profiles.open(tenant.id(), tenant.coordinator().id());
		UUID helper = new HelperRows(tenants.database()).helper("goettingen-grone", "fahrdienst").insert();
		return profile + "/interests/" + profiles.interest(profile, helper);
	}

	private Tokens.Builder validToken(Role role, Tenant tenant) {
		return switch (role) {
			case ADMIN -> this.tokens.token().subject(tenant.admin().id()).organisation(tenant.id()).roles(role);
			case COORDINATOR ->
				this.tokens.token().subject(tenant.coordinator().id()).organisation(tenant.id()).roles(role);
			case OPERATOR -> this.tokens.token().subject(this.tenants.operator().id()).roles(role);
			case HELPER -> this.tokens.token().subject(UUID.randomUUID()).roles(role);
		};
	}

	// The caller belongs to "caller"; placeholders name resources of "owner".
	private WebTestClient.ResponseSpec call(Endpoint endpoint, Tenant caller, Tenant owner, String token) {
		String path = fill(endpoint.path(), owner);
		WebTestClient.RequestBodySpec request = this.client.method(endpoint.method()).uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		});
		if (endpoint.body() == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(fill(endpoint.body(), caller)).exchange();
	}

	private String fill(String template, Tenant tenant) {
		String filled = template;
		for (Map.Entry<String, Resource> resource : RESOURCES.entrySet()) {
			String placeholder = "{" + resource.getKey() + "}";
			if (filled.contains(placeholder)) {
				filled = filled.replace(placeholder, resource.getValue().create().apply(this.tenants, tenant));
			}
		}
		return filled;
	}

	private static String unauthenticated(WebTestClient.ResponseSpec response, String challenge) {
		String body = response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"https://zeitspende.org/problems/unauthenticated\"", "\"status\":401");
		return body;
	}

	/**
	 * A protected endpoint.
	 *
	 * @param method the HTTP method
	 * @param path the path, with placeholders for resources
	 * @param allowed the roles that may call it
	 * @param body the JSON body, with placeholders, or {@code null}
	 */
	record Endpoint(HttpMethod method, String path, Set<Role> allowed, String body) {

		static Endpoint of(HttpMethod method, String path, Set<Role> allowed) {
			return new Endpoint(method, path, allowed, null);
		}

		Endpoint body(String json) {
			return new Endpoint(this.method, this.path, this.allowed, json);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * A kind of resource a placeholder stands for.
	 *
	 * @param owned whether it belongs to one organisation
	 * @param create makes one for the given organisation and returns what replaces the
	 * placeholder
	 */
	record Resource(boolean owned, BiFunction<Tenants, Tenant, String> create) {

		static Resource owned(BiFunction<Tenants, Tenant, String> create) {
			return new Resource(true, create);
		}

		static Resource shared(BiFunction<Tenants, Tenant, String> create) {
			return new Resource(false, create);
		}

	}

	/**
	 * Ways a token can be bad. Each starts from a token the endpoint would accept.
	 */
	enum BadToken {

		EXPIRED {
			@Override
			String mint(Tokens.Builder token) {
				return token.expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();
			}
		},

		NOT_YET_VALID {
			@Override
			String mint(Tokens.Builder token) {
				return token.notBefore(Instant.now().plus(Duration.ofMinutes(10))).sign();
			}
		},

		WITHOUT_EXPIRY {
			@Override
			String mint(Tokens.Builder token) {
				return token.expiresAt(null).sign();
			}
		},

		WRONG_AUDIENCE {
			@Override
			String mint(Tokens.Builder token) {
				return token.audience("some-other-api").sign();
			}
		},

		WRONG_ISSUER {
			@Override
			String mint(Tokens.Builder token) {
				return token.issuer("https://issuer.example.org").sign();
			}
		},

		BAD_SIGNATURE {
			@Override
			String mint(Tokens.Builder token) {
				return token.signedWith(Tokens.newKey("impostor")).sign();
			}
		},

		ALG_NONE {
			@Override
			String mint(Tokens.Builder token) {
				return token.unsigned();
			}
		},

		WRONG_TYPE {
			@Override
			String mint(Tokens.Builder token) {
				return token.type("secevent+jwt").sign();
			}
		},

		SUBJECT_NOT_AN_ID {
			@Override
			String mint(Tokens.Builder token) {
				return token.claim("sub", "admin").sign();
			}
		},

		UNKNOWN_ROLE {
			@Override
			String mint(Tokens.Builder token) {
				return token.claim("roles", List.of("SUPERUSER")).sign();
			}
		},

		NOT_A_JWT {
			@Override
			String mint(Tokens.Builder token) {
				return "not-a-token";
			}
		};

		abstract String mint(Tokens.Builder token);

	}

}
