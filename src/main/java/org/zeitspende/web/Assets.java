package org.zeitspende.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Our own scripts, from memory: the only scripts a page's Content-Security-Policy lets
 * run.
 */
@RestController
class Assets {

	private final Pages pages;

	Assets(Pages pages) {
		this.pages = pages;
	}

	@GetMapping("/assets/{name}")
	ResponseEntity<String> script(@PathVariable String name) {
		String script = this.pages.script(name);
		if (script == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.header("X-Content-Type-Options", "nosniff")
			.body(script);
	}

}
