package org.zeitspende.config.embedded;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DataDirectoryLockTests {

	@TempDir
	Path dataDir;

	@Test
	void secondOwner_isRefusedNamingTheDirectory() {
		DataDirectoryLock first = DataDirectoryLock.acquire(this.dataDir);
		try {
			assertThatExceptionOfType(EmbeddedDataInUseException.class)
				.isThrownBy(() -> DataDirectoryLock.acquire(this.dataDir))
				.withMessageContaining(this.dataDir.toString());
		}
		finally {
			first.release();
		}
	}

	@Test
	void released_canBeTakenAgain() {
		DataDirectoryLock.acquire(this.dataDir).release();
		assertThatNoException().isThrownBy(() -> DataDirectoryLock.acquire(this.dataDir).release());
	}

}
