package org.zeitspende.confirmation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataExport;

/**
 * A helper's answers to asks (yes, no, withdrawn) and places on standby lists, for the
 * helper's data export.
 */
@Component
class ConfirmationDataExport implements HelperDataExport {

	private final ConfirmationRepository confirmations;

	private final StandbyRepository standby;

	ConfirmationDataExport(ConfirmationRepository confirmations, StandbyRepository standby) {
		this.confirmations = confirmations;
		this.standby = standby;
	}

	@Override
	public Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		return Mono.zip(this.confirmations.exportOf(helperId), this.standby.exportOf(helperId))
			.map((parts) -> Map.of("answers", parts.getT1(), "standby", parts.getT2()));
	}

}
