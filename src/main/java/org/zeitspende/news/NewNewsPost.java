package org.zeitspende.news;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A news post as an organisation member writes it.
 *
 * @param title the headline
 * @param body the text, in Markdown (raw HTML is shown as text)
 * @param publishAt when it becomes public; left out: at once
 */
record NewNewsPost(@NotBlank @Size(min = 3, max = 200) String title, @NotBlank @Size(max = 20_000) String body,
		Instant publishAt) {
}
