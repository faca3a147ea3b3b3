package org.zeitspende.engagement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.MatchProfiles;
import org.zeitspende.security.Role;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.Created;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RequirementProfilesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	InterestRepository interestRows;

	@Autowired
	RequirementProfiles profiles;

	@Autowired
	MatchProfiles matchProfiles;

	@Autowired
	HelperContacts contacts;

	@Autowired
	TransactionalOperator transaction;

	Tokens tokens;

	Tenant tenant;

	String coordinator;

	// A word only this test's profiles carry, so that searching for it leaves out the
	// rows of other tests in the shared database.
	String marker;

	@BeforeEach
	void setUp() {
		this.tokens = Tokens.of(this.environment);
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = this.tokens.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8) + "7";
	}

	@Test
	void create_normalisesListsAndAnswersTheStoredProfile() {
		Map<String, Object> body = profile("Fahrdienst", "fahrdienst", 3);
		body.put("places", List.of("goettingen-grone", "goettingen-grone", "rosdorf"));
		body.put("requiredSkills", List.of("Erste Hilfe", "erste-hilfe"));
		body.put("criminalRecordCertificate", true);
		body.put("minimumAge", 18);
		body.put("startsOn", "2027-02-01");

		String location = this.client.post()
			.uri("/api/requirement-profiles")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN")
			.jsonPath("$.places")
			.isEqualTo(List.of("goettingen-grone", "rosdorf"))
			.jsonPath("$.requiredSkills")
			.isEqualTo(List.of("erste-hilfe"))
			.jsonPath("$.criminalRecordCertificate")
			.isEqualTo(true)
			.jsonPath("$.minimumAge")
			.isEqualTo(18)
			.jsonPath("$.startsOn")
			.isEqualTo("2027-02-01")
			.jsonPath("$.organisationId")
			.isEqualTo(this.tenant.id().toString())
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		get(location).expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Fahrdienst " + this.marker);
	}

	@Test
	void create_withInvalidFields_answersAProblemNamingEachField() {
		Map<String, Object> body = profile("Fahrdienst", "raumfahrt", 0);
		body.put("places", List.of("atlantis"));
		body.put("requiredLanguages", List.of("de", "xx"));
		this.client.post()
			.uri("/api/requirement-profiles")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo("hoursPerWeek");

		body.put("hoursPerWeek", 2);
		this.client.post()
			.uri("/api/requirement-profiles")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("activity", "places[0]", "requiredLanguages[1]"));
	}

	@Test
	void requiredLanguages_standBesideTheHelpfulOnes_throughCreateReplaceAndRead() {
		Map<String, Object> body = profile("Begleitung zum Amt", "dolmetschen", 2);
		body.put("requiredLanguages", List.of("ar", "de", "ar"));
		body.put("languages", List.of("en"));
		UUID id = create(body);

		get("/api/requirement-profiles/" + id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requiredLanguages")
			.isEqualTo(List.of("ar", "de"))
			.jsonPath("$.languages")
			.isEqualTo(List.of("en"));

		body.put("requiredLanguages", List.of("uk"));
		body.remove("languages");
		this.client.put()
			.uri("/api/requirement-profiles/" + id)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requiredLanguages")
			.isEqualTo(List.of("uk"))
			.jsonPath("$.languages")
			.isEmpty();

		body.put("requiredLanguages", List.of("klingonisch"));
		this.client.put()
			.uri("/api/requirement-profiles/" + id)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("requiredLanguages[0]"));
		get("/api/public/requirement-profiles/" + id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requiredLanguages")
			.isEqualTo(List.of("uk"));
	}

	@Test
	void helperBrowsing_sortsByTheDocumentedFitScore_andExplainsIt() {
		ProfileSet set = createProfileSet();
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst")
			.hoursPerWeek(4)
			.skills("fuehrerschein", "erste-hilfe", "kochen")
			.insert();

		List<Map<String, Object>> scored = browse("/api/me/requirement-profiles?q=" + this.marker,
				this.tokens.helper(helper));

		// d: time 4/6 × 40 = 26.67, required skills and languages 1/3 × 20 = 6.67 (speaks
		// only de of ar, uk, de), place 20, activity 0: 53, below c's 55.
		assertThat(scored).extracting((item) -> item.get("score")).containsExactly(100, 80, 55, 53);
		assertThat(scored).allSatisfy((item) -> assertThat(item).containsOnlyKeys("profile", "score", "explanation"));
		assertThat(scored).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.a(), set.b(), set.c(), set.d());
		assertThat(scored).extracting((item) -> item.get("explanation"))
			.containsExactly(
					"matches 1 of 1 skills, speaks 1 of 1 required languages, within your 4 h/week, "
							+ "in one of your places, one of your activities",
					"needs no particular skills, needs 8 h/week, more than your 4, in one of your places, "
							+ "one of your activities",
					"matches 3 of 4 skills, within your 4 h/week, not in your places, not one of your activities",
					"needs no particular skills, speaks 1 of 3 required languages, needs 6 h/week, more than your 4, "
							+ "at any place, not one of your activities");
	}

	@Test
	void publicBrowsing_scoresAgainstWhatTheVisitorTypes_andSortsByNewestOrStart() {
		ProfileSet set = createProfileSet();
		String query = "/api/public/requirement-profiles?q=" + this.marker;

		assertThat(browse(query + "&sort=FIT&hoursPerWeek=4&places=goettingen-grone&activities=fahrdienst"
				+ "&skills=Fuehrerschein&skills=Erste Hilfe&skills=kochen&languages=de", null))
			.extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.a(), set.b(), set.c(), set.d());
		// Speaking two of d's three required languages lifts it to 60, above c.
		assertThat(browse(query + "&sort=FIT&hoursPerWeek=4&places=goettingen-grone&activities=fahrdienst"
				+ "&skills=Fuehrerschein&skills=Erste Hilfe&skills=kochen&languages=de&languages=ar", null))
			.extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.a(), set.b(), set.d(), set.c());
		assertThat(browse(query, null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.d(), set.c(), set.b(), set.a());
		assertThat(browse(query, null)).allSatisfy((item) -> assertThat(item.get("score")).isNull());
		assertThat(browse(query + "&sort=START", null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.c(), set.d(), set.b(), set.a());
		assertThat(browse(query + "&sort=NEWEST&limit=2&offset=1", null))
			.extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.c(), set.b());
	}

	@Test
	void publicBrowsing_filtersByPlaceActivityAndHours() {
		ProfileSet set = createProfileSet();
		String query = "/api/public/requirement-profiles?q=" + this.marker;

		assertThat(browse(query + "&place=duderstadt", null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.c());
		assertThat(browse(query + "&activity=fahrdienst", null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.b(), set.a());
		assertThat(browse(query + "&maxHoursPerWeek=4", null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(set.c(), set.a());
	}

	@Test
	void publicBrowsing_searchesTitleAndDescriptionWithGermanStemming() {
		Map<String, Object> body = profile("Hausaufgabenhilfe für Kinder", "hausaufgabenhilfe", 2);
		body.put("description", "Wir begleiten Schülerinnen und Schüler nach dem Unterricht.");
		UUID id = create(body);
		String query = "/api/public/requirement-profiles?q=";

		assertThat(browse(query + "Kind " + this.marker, null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(id);
		assertThat(browse(query + "Begleitung " + this.marker, null))
			.extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(id);
		assertThat(browse(query + "Schülers " + this.marker, null)).extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(id);
		assertThat(browse(query + "Erwachsene " + this.marker, null)).isEmpty();
		assertThat(browse(query + "Kinder -Unterricht " + this.marker, null)).isEmpty();
	}

	@Test
	void publicBrowsing_showsOnlyOpenProfilesOfApprovedOrganisations() {
		UUID open = create(profile("Fahrdienst", "fahrdienst", 2));
		UUID paused = create(profile("Kleiderkammer", "kleiderkammer", 2));
		post("/api/requirement-profiles/" + paused + "/pause").expectStatus().isOk();
		Tenant suspended = new Tenants(this.database).create("SUSPENDED");
		UUID ofSuspended = new RequirementProfileRows(this.database).open(suspended.id(), suspended.admin().id());
		this.database.sql("update requirement_profile set title = title || ' ' || :marker where id = :id")
			.bind("marker", this.marker)
			.bind("id", ofSuspended)
			.then()
			.block();

		assertThat(browse("/api/public/requirement-profiles?q=" + this.marker, null))
			.extracting(RequirementProfilesIntegrationTests::id)
			.containsExactly(open);
		this.client.get()
			.uri("/api/public/requirement-profiles/" + paused)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/api/public/requirement-profiles/" + open).exchange().expectStatus().isOk();
	}

	@Test
	void publicBrowsing_withBadParameters_answersProblems() {
		this.client.get()
			.uri("/api/public/requirement-profiles?sort=FIT")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("hoursPerWeek");
		for (String bad : List.of("sort=BEST", "limit=0", "hoursPerWeek=99", "maxHoursPerWeek=x")) {
			this.client.get()
				.uri("/api/public/requirement-profiles?" + bad)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void statusChanges_pauseOpenAndCloseForGood() {
		UUID id = create(profile("Fahrdienst", "fahrdienst", 2));
		String path = "/api/requirement-profiles/" + id;

		post(path + "/pause").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAUSED");
		post(path + "/pause").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAUSED");
		post(path + "/open").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN");
		this.client.put()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile("Fahrdienst am Abend", "fahrdienst", 3))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.hoursPerWeek")
			.isEqualTo(3);
		post(path + "/close").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

		post(path + "/open").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/requirement-profile-closed");
		this.client.put()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile("Fahrdienst", "fahrdienst", 3))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.client.get()
			.uri("/api/requirement-profiles?status=CLOSED")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(id.toString());
	}

	@Test
	void interest_organisationSeesHelpersRankedAndPseudonymous_untilTheyShareContact() {
		Map<String, Object> body = profile("Fahrdienst", "fahrdienst", 4);
		body.put("places", List.of("goettingen-grone"));
		body.put("requiredSkills", List.of("fuehrerschein"));
		UUID profile = create(body);
		HelperRows helpers = new HelperRows(this.database);
		UUID weaker = helpers.helper("duderstadt", "kleiderkammer").hoursPerWeek(2).insert();
		UUID stronger = helpers.helper("goettingen-grone", "fahrdienst")
			.hoursPerWeek(4)
			.skills("fuehrerschein")
			.insert();
		String interestPath = "/api/me/requirement-profiles/" + profile + "/interest";

		express(interestPath, weaker, true).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.shareContact")
			.isEqualTo(true);
		express(interestPath, stronger, false).expectStatus().isOk();

		get("/api/requirement-profiles/" + profile + "/interests").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].score")
			.isEqualTo(100)
			.jsonPath("$[0].contactShared")
			.isEqualTo(false)
			.jsonPath("$[0].email")
			.doesNotExist()
			.jsonPath("$[1].score")
			.isEqualTo(20)
			.jsonPath("$[1].explanation")
			.isEqualTo("matches 0 of 1 skills, needs 4 h/week, more than your 2, not in your places, "
					+ "not one of your activities")
			.jsonPath("$[1].email")
			.value((email) -> assertThat((String) email).startsWith("helper-"));
		String raw = get("/api/requirement-profiles/" + profile + "/interests").expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).doesNotContain(weaker.toString(), stronger.toString(), "\"fit\"")
			.matches("(?s).*\"H-[0-9A-F]{8}\".*");

	}

	@Test
	void decide_whoseMessageToTheHelperCannotBeWritten_isNotStored() {
		UUID profile = create(profile("Fahrdienst", "fahrdienst", 2));
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		express("/api/me/requirement-profiles/" + profile + "/interest", helper, false).expectStatus().isOk();
		UUID interest = UUID
			.fromString(browse("/api/requirement-profiles/" + profile + "/interests", this.coordinator).get(0)
				.get("interestId")
				.toString());
		Interests withoutMessages = new Interests(this.interestRows, this.profiles, this.matchProfiles, this.contacts,
				(decided) -> Mono.error(new IllegalStateException("messages unreachable")), this.transaction);

		withoutMessages
			.decide(this.tenant.id(), this.tenant.coordinator().id(), profile, interest, InterestStatus.ACCEPTED)
			.as(StepVerifier::create)
			.expectErrorMessage("messages unreachable")
			.verify(Duration.ofSeconds(10));

		assertThat(browse("/api/requirement-profiles/" + profile + "/interests", this.coordinator).get(0))
			.containsEntry("status", "PENDING");
		post("/api/requirement-profiles/" + profile + "/interests/" + interest + "/accept").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED");
	}

	@Test
	void decide_acceptsOrDeclinesOnce_andTheHelperSeesIt() {
		UUID profile = create(profile("Fahrdienst", "fahrdienst", 2));
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		express("/api/me/requirement-profiles/" + profile + "/interest", helper, false).expectStatus().isOk();
		Map<String, Object> interest = browse("/api/requirement-profiles/" + profile + "/interests", this.coordinator)
			.get(0);
		String path = "/api/requirement-profiles/" + profile + "/interests/" + interest.get("interestId");

		post(path + "/accept").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
		post(path + "/accept").expectStatus().isOk();
		post(path + "/decline").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/interest-decided");
		post("/api/requirement-profiles/" + profile + "/interests/" + UUID.randomUUID() + "/accept").expectStatus()
			.isNotFound();

		this.client.get()
			.uri("/api/me/interests")
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].status")
			.isEqualTo("ACCEPTED")
			.jsonPath("$[0].title")
			.isEqualTo("Fahrdienst " + this.marker);
	}

	@Test
	void interest_inAPausedProfileOrByAnUnknownHelper_isRefused() {
		UUID profile = create(profile("Fahrdienst", "fahrdienst", 2));
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		String interestPath = "/api/me/requirement-profiles/" + profile + "/interest";

		express(interestPath, UUID.randomUUID(), false).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/helper-not-found");
		post("/api/requirement-profiles/" + profile + "/pause").expectStatus().isOk();
		express(interestPath, helper, false).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/requirement-profile-not-found");
		this.client.put()
			.uri(interestPath)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	// Four profiles whose scores for a helper in Grone who drives, has 4 h/week and the
	// skills fuehrerschein, erste-hilfe and kochen follow from the formula in Fit:
	// A: 2 h, Grone, fahrdienst, needs fuehrerschein -> 40 + 20 + 20 + 20 = 100
	// B: 8 h, Grone, fahrdienst, no skills -> 4/8 × 40 + 20 + 20 + 20 = 80
	// C: 4 h, Duderstadt, kleiderkammer, 3 of 4 skills -> 40 + 15 + 0 + 0 = 55
	// D: 6 h, anywhere, deutschkurs, no skills -> 4/6 × 40 + 20 + 20 + 0 = 66.7 -> 67
	private ProfileSet createProfileSet() {
		Map<String, Object> a = profile("Fahrdienst zum Arzt", "fahrdienst", 2);
		a.put("places", List.of("goettingen-grone"));
		a.put("requiredSkills", List.of("fuehrerschein"));
		a.put("requiredLanguages", List.of("de"));
		Map<String, Object> b = profile("Fahrdienst zur Tafel", "fahrdienst", 8);
		b.put("places", List.of("goettingen-grone"));
		b.put("startsOn", "2027-03-01");
		Map<String, Object> c = profile("Kleiderkammer", "kleiderkammer", 4);
		c.put("places", List.of("duderstadt"));
		c.put("requiredSkills", List.of("fuehrerschein", "erste-hilfe", "kochen", "naehen"));
		c.put("startsOn", "2027-01-15");
		Map<String, Object> d = profile("Deutschkurs", "deutschkurs", 6);
		d.put("startsOn", "2027-02-01");
		d.put("requiredLanguages", List.of("ar", "uk", "de"));
		d.put("languages", List.of("en"));
		return new ProfileSet(create(a), create(b), create(c), create(d));
	}

	private Map<String, Object> profile(String title, String activity, int hoursPerWeek) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title + " " + this.marker);
		body.put("activity", activity);
		body.put("hoursPerWeek", hoursPerWeek);
		body.put("commitment", "REGULAR");
		body.put("volunteersSought", 2);
		return body;
	}

	private UUID create(Map<String, Object> body) {
		return Created.id(this.client, "/api/requirement-profiles", this.coordinator, body);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> browse(String uri, String token) {
		return this.client.get().uri(uri).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static UUID id(Map<String, Object> scored) {
		return UUID.fromString((String) ((Map<String, Object>) scored.get("profile")).get("id"));
	}

	private WebTestClient.ResponseSpec get(String uri) {
		return this.client.get().uri(uri).headers((headers) -> headers.setBearerAuth(this.coordinator)).exchange();
	}

	private WebTestClient.ResponseSpec post(String uri) {
		return this.client.post().uri(uri).headers((headers) -> headers.setBearerAuth(this.coordinator)).exchange();
	}

	private WebTestClient.ResponseSpec express(String uri, UUID helper, boolean shareContact) {
		return this.client.put()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("shareContact", shareContact))
			.exchange();
	}

	record ProfileSet(UUID a, UUID b, UUID c, UUID d) {
	}

}
