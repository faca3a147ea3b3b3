package org.zeitspende.reference;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ReferenceDataIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void places_listTheCityDistrictsAndTheCounty() {
		this.client.get()
			.uri("/api/places")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.expectBody()
			.jsonPath("$[?(@.code == 'goettingen-grone')].parentCode")
			.isEqualTo("goettingen")
			.jsonPath("$[?(@.code == 'duderstadt')].name")
			.isEqualTo("Duderstadt")
			.jsonPath("$[?(@.code == 'gieboldehausen')].parentCode")
			.isEqualTo("sg-gieboldehausen");
	}

	@Test
	void places_asHtml_isNotAcceptableAndNotCached() {
		this.client.get()
			.uri("/api/places")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE)
			.expectHeader()
			.value("Cache-Control", (value) -> assertThat(value).doesNotContain("public"));
	}

	@Test
	void activities_includeTheUsualWork() {
		this.client.get()
			.uri("/api/activities")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'dolmetschen')].nameEn")
			.isEqualTo("Interpreting")
			.jsonPath("$[?(@.code == 'kleiderkammer')].nameDe")
			.isEqualTo("Kleiderkammer");
	}

	@Test
	void languages_areIso6391WithNativeNames() {
		this.client.get()
			.uri("/api/languages")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.value((Integer count) -> assertThat(count).isGreaterThan(150))
			.jsonPath("$[?(@.code == 'ar')].nameDe")
			.isEqualTo("Arabisch")
			.jsonPath("$[?(@.code == 'uk')].nativeName")
			.isEqualTo("українська");
	}

}
