package org.zeitspende.reference;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, cacheable reference lists that clients need to build forms.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Places, activities and languages")
class ReferenceDataController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final ReferenceData referenceData;

	ReferenceDataController(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	@GetMapping(path = "/places", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Places of the city and county where helpers can help")
	Mono<ResponseEntity<List<Place>>> places() {
		return this.referenceData.places().map(ReferenceDataController::cacheable);
	}

	@GetMapping(path = "/activities", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Activities helpers can offer")
	Mono<ResponseEntity<List<Activity>>> activities() {
		return this.referenceData.activities().map(ReferenceDataController::cacheable);
	}

	@GetMapping(path = "/languages", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Languages by ISO 639-1 code")
	Mono<ResponseEntity<List<Language>>> languages() {
		return this.referenceData.languages().map(ReferenceDataController::cacheable);
	}

	private static <T> ResponseEntity<T> cacheable(T body) {
		return ResponseEntity.ok().cacheControl(CACHE).body(body);
	}

}
