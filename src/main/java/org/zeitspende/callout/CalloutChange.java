package org.zeitspende.callout;

import jakarta.validation.constraints.Size;

/**
 * Changes to a callout's texts before it starts; what is left out stays as it is.
 *
 * @param details what the help is about
 * @param meetingPoint where to meet
 * @param contactHint whom to ask on site
 */
record CalloutChange(@Size(max = 2000) String details, @Size(max = 500) String meetingPoint,
		@Size(max = 200) String contactHint) {
}
