package org.zeitspende.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reply in a thread.
 *
 * @param text plain text
 */
record NewMessage(@NotBlank @Size(max = 5000) String text) {
}
