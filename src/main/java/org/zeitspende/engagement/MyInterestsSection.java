package org.zeitspende.engagement;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.helper.HelperPageSection;
import org.zeitspende.web.Html;

/**
 * The helper's interests in requirement profiles on the helper's own page, with what
 * became of them.
 */
@Component
@Order(1)
class MyInterestsSection implements HelperPageSection {

	private final Interests interests;

	private final CommunityPages pages;

	MyInterestsSection(Interests interests, CommunityPages pages) {
		this.interests = interests;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID helperId, String language) {
		return this.interests.mine(helperId).map((mine) -> {
			StringBuilder html = this.pages.section("my-interests", "profiles.mine", language);
			if (mine.isEmpty()) {
				return html.append("<p>")
					.append(this.pages.escaped("profiles.mine.none", language))
					.append(" <a href=\"/engagement\">")
					.append(this.pages.escaped("profiles.mine.browse", language))
					.append("</a></p></section>")
					.toString();
			}
			html.append("<ul>");
			for (MyInterest interest : mine) {
				html.append("<li><a href=\"/engagement/")
					.append(interest.profileId())
					.append("\">")
					.append(Html.text(interest.title()))
					.append("</a> · ")
					.append(this.pages.escaped("console.profiles.interest." + interest.status(), language))
					.append("</li>");
			}
			return html.append("</ul></section>").toString();
		});
	}

}
