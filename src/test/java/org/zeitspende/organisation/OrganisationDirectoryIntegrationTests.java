package org.zeitspende.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.DonationRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganisationDirectoryIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	Tenants tenants;

	@BeforeEach
	void setUp() {
		this.tenants = new Tenants(this.database);
	}

	@Test
	void directory_listsApprovedOrganisationsByPlace() {
		Tenant approved = this.tenants.approved();
		Tenant pending = this.tenants.create("PENDING");
		Tenant suspended = this.tenants.create("SUSPENDED");
		for (Tenant tenant : List.of(approved, pending, suspended)) {
			place(tenant, "walkenried");
		}

		List<String> inWalkenried = ids("/api/public/organisations?place=walkenried");

		assertThat(inWalkenried).contains(approved.id().toString())
			.doesNotContain(pending.id().toString(), suspended.id().toString());
		assertThat(ids("/api/public/organisations?place=bad-sachsa")).doesNotContain(approved.id().toString());
	}

	@Test
	void directory_byActivity_listsOrganisationsWithAnOpenProfileOfIt() {
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		Tenant seeking = this.tenants.approved();
		Tenant closedOnly = this.tenants.approved();
		Tenant without = this.tenants.approved();
		Tenant pending = this.tenants.create("PENDING");
		for (Tenant tenant : List.of(seeking, closedOnly, without, pending)) {
			place(tenant, "walkenried");
		}
		profiles.open(seeking.id(), seeking.admin().id());
		profiles.open(pending.id(), pending.admin().id());
		UUID closed = profiles.open(closedOnly.id(), closedOnly.admin().id());
		this.database.sql("update requirement_profile set status = 'CLOSED' where id = :id")
			.bind("id", closed)
			.then()
			.block();

		assertThat(ids("/api/public/organisations?activity=fahrdienst")).contains(seeking.id().toString())
			.doesNotContain(closedOnly.id().toString(), without.id().toString(), pending.id().toString());
		assertThat(ids("/api/public/organisations?activity=fahrdienst&place=walkenried"))
			.contains(seeking.id().toString());
		assertThat(ids("/api/public/organisations?activity=fahrdienst&place=bad-sachsa"))
			.doesNotContain(seeking.id().toString());
		assertThat(ids("/api/public/organisations?activity=dolmetschen")).doesNotContain(seeking.id().toString());
	}

	@Test
	void page_showsTheOrganisation_withLinksToWhatItPublishesAlone() {
		Tenant own = this.tenants.approved();
		Tenant other = this.tenants.approved();
		UUID profile = new RequirementProfileRows(this.database).open(own.id(), own.admin().id());
		UUID otherProfile = new RequirementProfileRows(this.database).open(other.id(), other.admin().id());
		UUID need = new DonationRows(this.database).open(own.id(), own.admin().id());
		UUID otherNeed = new DonationRows(this.database).open(other.id(), other.admin().id());

		Map<String, Object> page = this.client.get()
			.uri("/api/public/organisations/" + own.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(page).containsEntry("name", "Test organisation " + page.get("slug"))
			.containsEntry("contactEmail", "kontakt@" + page.get("slug") + ".example.org");
		@SuppressWarnings("unchecked")
		Map<String, String> links = (Map<String, String>) page.get("links");
		assertThat(body(links.get("requirementProfiles"))).contains(profile.toString())
			.doesNotContain(otherProfile.toString());
		assertThat(body(links.get("donationNeeds"))).contains(need.toString()).doesNotContain(otherNeed.toString());
		for (String link : List.of("events", "eventsCalendar", "news", "newsFeed")) {
			this.client.get().uri(links.get(link)).exchange().expectStatus().isOk();
		}
	}

	@Test
	void page_ofAnOrganisationNotApproved_isNotFound() {
		Tenant suspended = this.tenants.create("SUSPENDED");
		this.client.get()
			.uri("/api/public/organisations/" + suspended.id())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/organisation-not-found");
	}

	private void place(Tenant tenant, String place) {
		this.database.sql("insert into organisation_place (organisation_id, place_code) values (:id, :place)")
			.bind("id", tenant.id())
			.bind("place", place)
			.then()
			.block();
	}

	private String body(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((organisation) -> (String) ((Map<String, Object>) organisation).get("id"))
			.toList();
	}

}
