package org.zeitspende.config;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's warning for a failed scheduled run is turned off: every scheduled job must log
 * its failures through {@link ScheduledJob}, or they would show in no log.
 */
class ScheduledJobUseTests {

	@Test
	void everyScheduledMethod_runsThroughAScheduledJob() {
		List<JavaMethod> scheduled = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("org.zeitspende")
			.stream()
			.flatMap((type) -> type.getMethods().stream())
			.filter((method) -> method.isAnnotatedWith(Scheduled.class))
			.toList();
		assertThat(scheduled).as("scheduled methods found").isNotEmpty();
		assertThat(scheduled)
			.filteredOn((method) -> method.getMethodCallsFromSelf()
				.stream()
				.noneMatch((call) -> call.getTargetOwner().isEquivalentTo(ScheduledJob.class)
						&& call.getName().equals("run")))
			.extracting(JavaMethod::getFullName)
			.isEmpty();
	}

}
