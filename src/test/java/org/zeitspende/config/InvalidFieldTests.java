package org.zeitspende.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidFieldTests {

	@Test
	void input_isTheFieldUpToItsFirstIndexOrNestedProperty() {
		assertThat(new InvalidField("email", "bad").input()).isEqualTo("email");
		assertThat(new InvalidField("places[1]", "bad").input()).isEqualTo("places");
		assertThat(new InvalidField("quietHours.from", "bad").input()).isEqualTo("quietHours");
		assertThat(new InvalidField("", "bad").input()).isEmpty();
	}

}
