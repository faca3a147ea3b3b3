package org.zeitspende.ask;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataExport;

/**
 * The asks a helper got (callout, channel, how far the message went, when) and the
 * notices about what became of a callout, for the helper's data export.
 */
@Component
class AskDataExport implements HelperDataExport {

	private final AskRepository asks;

	private final NoticeRepository notices;

	AskDataExport(AskRepository asks, NoticeRepository notices) {
		this.asks = asks;
		this.notices = notices;
	}

	@Override
	public Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		return Mono.zip(this.asks.exportOf(helperId), this.notices.exportOf(helperId))
			.map((parts) -> Map.of("asks", parts.getT1(), "notices", parts.getT2()));
	}

}
