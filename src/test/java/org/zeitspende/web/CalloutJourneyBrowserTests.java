package org.zeitspende.web;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.Chromium;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven through its
 * chromedriver (nothing is downloaded). A helper registers and verifies through the dev
 * inbox; a coordinator signs in, creates a callout and watches it fill live while a
 * helper confirms from the ask link, using the keyboard only; a helper who answers late
 * finds it filled; a helper signs in with a link from the inbox and changes the profile
 * with the keyboard. Screenshots of the key pages go to {@code target/screenshots}.
 * Without Chromium these tests are skipped, except on CI ({@code CI=true}), where they
 * fail. Run them alone with {@code ./mvnw test -Dgroups=browser}.
 */
@IntegrationTest
@Tag("browser")
class CalloutJourneyBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern VERIFY_LINK = Pattern.compile("/h/verify/[A-Za-z0-9_-]{22}");

	private static final Pattern SIGN_IN_LINK = Pattern.compile("/h/sign-in/[A-Za-z0-9_-]{22}");

	private static WebDriver helper;

	private static WebDriver coordinator;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@BeforeAll
	static void startBrowsers() throws IOException {
		Chromium.assumeInstalled();
		helper = Chromium.start(412, 915);
		coordinator = Chromium.start(1280, 900);
	}

	@AfterAll
	static void stopBrowsers() {
		for (WebDriver browser : new WebDriver[] { helper, coordinator }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void helperRegisters_andVerifiesThroughTheDevInbox() {
		String email = "browser-" + UUID.randomUUID() + "@example.org";
		helper.get(url("/"));
		Chromium.screenshot(helper, "landing");
		helper.findElement(By.linkText("Helfer werden")).click();

		helper.findElement(By.id("email")).sendKeys(email);
		helper.findElements(By.name("places")).get(0).click();
		helper.findElements(By.name("activities")).get(0).click();
		helper.findElement(By.id("hoursPerWeek")).sendKeys("4");
		helper.findElement(By.cssSelector("input[name=commitment][value=ONE_OFF]")).click();
		helper.findElement(By.cssSelector("form button[type=submit]")).click();

		// Without consent to asks the form comes back, marked, with everything kept.
		// Each answer is a new page: wait for it rather than read the page being left.
		new WebDriverWait(helper, WAIT).until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "Einverständnis"));
		assertThat(helper.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
		assertThat(helper.findElements(By.name("places")).get(0).isSelected()).isTrue();
		Chromium.screenshot(helper, "registration-error");
		helper.findElement(By.cssSelector("input[name=consents][value=CALLOUTS]")).click();
		helper.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(helper, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Fast geschafft"));
		Chromium.screenshot(helper, "registration-sent");

		helper.get(url("/dev/inbox"));
		String link = helper.findElements(By.cssSelector("a[href*='/h/verify/']"))
			.stream()
			.map((anchor) -> anchor.getAttribute("href"))
			.filter((href) -> verifyLinkOf(email).equals(path(href)))
			.findFirst()
			.orElseThrow();
		helper.get(url(path(link)));
		helper.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(helper, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sie sind dabei"));
		Chromium.screenshot(helper, "registration-verified");
	}

	@Test
	void helperSignsInFromTheDevInbox_andEditsTheProfileByKeyboard() {
		HelperRows helpers = new HelperRows(this.database);
		String email = helpers.email(helpers.helper("goettingen", "kleiderkammer").insert());
		helper.get(url("/"));
		helper.findElement(By.linkText("Mein Profil")).click();
		helper.findElement(By.id("contact")).sendKeys(email, Keys.ENTER);
		new WebDriverWait(helper, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Link verschickt"));

		helper.get(url(linkTo(email, SIGN_IN_LINK)));
		helper.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(helper, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Mein Profil"));
		Chromium.screenshot(helper, "profile");

		WebElement hours = helper.findElement(By.id("hoursPerWeek"));
		hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.ENTER);
		new WebDriverWait(helper, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "gespeichert"));
		assertThat(helper.findElement(By.id("hoursPerWeek")).getAttribute("value")).isEqualTo("5");
		Chromium.screenshot(helper, "profile-saved");
		helper.findElement(By.linkText("Meine Anfragen")).click();
		new WebDriverWait(helper, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Meine Anfragen"));
		Chromium.screenshot(helper, "profile-asks");
	}

	@Test
	void coordinatorWatchesTheCalloutFillLive_whileAHelperConfirmsByKeyboard_andALateOneFindsItFull() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = createCallout(tenant);
		WebElement live = coordinator.findElement(By.id("live"));
		new WebDriverWait(coordinator, WAIT).until(ExpectedConditions.attributeToBeNotEmpty(live, "data-last-event"));
		((JavascriptExecutor) coordinator).executeScript("window.notReloaded = true");

		List<AskRows.Asked> asked = new AskRows(this.database).asked(callout, 2);
		byte[] askPage = this.client.get()
			.uri("/c/{token}", asked.get(0).token())
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		assertThat(askPage).as("the ask page, for slow connections").hasSizeLessThan(30 * 1024);
		String late = helper.getWindowHandle();
		helper.get(url("/c/" + asked.get(1).token()));
		helper.switchTo().newWindow(WindowType.TAB);
		helper.get(url("/c/" + asked.get(0).token()));
		Chromium.screenshot(helper, "ask");
		WebElement yes = helper.findElement(By.cssSelector("button.primary"));
		for (int tabs = 0; tabs < 10 && !yes.equals(helper.switchTo().activeElement()); tabs++) {
			helper.switchTo().activeElement().sendKeys(Keys.TAB);
		}
		assertThat(helper.switchTo().activeElement()).as("the yes button is reached with the tab key").isEqualTo(yes);
		yes.sendKeys(Keys.ENTER);
		new WebDriverWait(helper, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Danke, Sie sind dabei!"));
		Chromium.screenshot(helper, "ask-confirmed");

		new WebDriverWait(coordinator, WAIT)
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-count=confirmed]"), "1"));
		new WebDriverWait(coordinator, WAIT)
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-status]"), "Vollständig besetzt"));
		assertThat(((JavascriptExecutor) coordinator).executeScript("return window.notReloaded")).isEqualTo(true);
		Chromium.screenshot(coordinator, "callout-filled-live");

		helper.switchTo().window(late);
		helper.findElement(By.cssSelector("button.primary")).click();
		new WebDriverWait(helper, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Schon vollständig"));
		Chromium.screenshot(helper, "ask-already-filled");

		deleteOnceNoticed(tenant, callout);
	}

	// Signs the coordinator in and creates a callout for one helper through the form.
	private UUID createCallout(Tenant tenant) {
		coordinator.get(url("/login"));
		coordinator.findElement(By.id("email")).sendKeys(tenant.coordinator().email());
		coordinator.findElement(By.id("password")).sendKeys(Tenants.PASSWORD);
		coordinator.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(coordinator, WAIT).until(ExpectedConditions.urlMatches("/console$"));
		Chromium.screenshot(coordinator, "console-callouts");

		coordinator.findElement(By.linkText("Neues Hilfegesuch")).click();
		new Select(coordinator.findElement(By.id("activity"))).selectByIndex(1);
		new Select(coordinator.findElement(By.id("place"))).selectByIndex(1);
		LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
		type(coordinator, "startsAt", start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
		type(coordinator, "endsAt", start.plusHours(3).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
		coordinator.findElement(By.id("needed")).sendKeys("1");
		coordinator.findElement(By.id("details")).sendKeys("Kleiderkammer sortieren");
		coordinator.findElement(By.name("notifyWhenFilled")).click();
		coordinator.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(coordinator, WAIT).until(ExpectedConditions.urlMatches("/console/callouts/[0-9a-f-]{36}$"));
		return UUID.fromString(coordinator.getCurrentUrl().replaceAll(".*/", ""));
	}

	// The organiser's notice of the fill is written after the answer: once it is there
	// the callout goes, so that no other test's relay sends it.
	private void deleteOnceNoticed(Tenant tenant, UUID callout) {
		// The organiser's notice of the fill is written after the answer: then the
		// callout goes, so that no other test's relay sends it.
		await().atMost(WAIT)
			.until(() -> this.database
				.sql("select count(*) from notice where callout_id = :id and kind = 'CALLOUT_FILLED'")
				.bind("id", callout)
				.map((row) -> row.get(0, Long.class))
				.one()
				.block(WAIT) == 1);
		this.database.sql("delete from organisation where id = :id").bind("id", tenant.id()).then().block(WAIT);
	}

	private String verifyLinkOf(String email) {
		return linkTo(email, VERIFY_LINK);
	}

	private String linkTo(String email, Pattern pattern) {
		String inbox = this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(email))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher link = pattern.matcher(String.valueOf(inbox));
		assertThat(link.find()).as("a link to %s", email).isTrue();
		return link.group();
	}

	// The links in messages start with the configured base URL; the test server listens
	// on a port of its own.
	private static String path(String link) {
		return link.replaceFirst("^https?://[^/]+", "");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	// A date-time field takes its value the way a date picker sets it.
	private static void type(WebDriver browser, String field, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id(field)), value);
	}

}
