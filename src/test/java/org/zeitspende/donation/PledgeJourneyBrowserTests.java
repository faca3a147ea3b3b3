package org.zeitspende.donation;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.Chromium;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a phone, in a real browser: from the landing page to the organisations,
 * filtered by place, to one organisation's page and its donation need; a pledge above
 * what is still needed comes back marked with what was typed, the right one is thanked.
 * Screenshots go to {@code target/screenshots}. Run alone with
 * {@code ./mvnw test -Dgroups=browser}.
 */
@IntegrationTest
@Tag("browser")
class PledgeJourneyBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static WebDriver visitor;

	@LocalServerPort
	private int port;

	@Autowired
	private DatabaseClient database;

	@BeforeAll
	static void startBrowser() throws IOException {
		Chromium.assumeInstalled();
		visitor = Chromium.start(412, 915);
	}

	@AfterAll
	static void stopBrowser() {
		if (visitor != null) {
			visitor.quit();
		}
	}

	@Test
	void visitorFindsAnOrganisation_andPledgesWhatIsStillNeeded() {
		Tenant tenant = new Tenants(this.database).approved();
		String name = "Tafel " + UUID.randomUUID().toString().substring(0, 8);
		this.database.sql("""
				with renamed as (update organisation set name = :name, description = 'Wir verteilen Lebensmittel.'
				                 where id = :id returning id)
				insert into organisation_place (organisation_id, place_code) select id, 'rosdorf' from renamed""")
			.bind("name", name)
			.bind("id", tenant.id())
			.then()
			.block(TIMEOUT);
		this.database.sql("""
				insert into donation_need (organisation_id, created_by, item, category, place_code, quantity_needed)
				values (:organisation, :createdBy, 'Winterjacken', 'CLOTHING', 'rosdorf', 3)""")
			.bind("organisation", tenant.id())
			.bind("createdBy", tenant.coordinator().id())
			.then()
			.block(TIMEOUT);

		visitor.get("http://localhost:" + this.port + "/");
		visitor.findElement(By.cssSelector("main a[href='/organisations']")).click();
		new Select(visitor.findElement(By.id("place"))).selectByValue("rosdorf");
		visitor.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(visitor, WAIT).until(ExpectedConditions.urlContains("place=rosdorf"));
		visitor.findElement(By.linkText(name)).click();
		new WebDriverWait(visitor, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), name));
		Chromium.screenshot(visitor, "organisation-page");

		visitor.findElement(By.linkText("Winterjacken")).click();
		visitor.findElement(By.id("quantity")).sendKeys("5");
		visitor.findElement(By.id("name")).sendKeys("Erika Muster");
		visitor.findElement(By.id("contact")).sendKeys("erika@example.org");
		visitor.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(visitor, WAIT).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("quantity-error"), "Es werden nur noch 3 gebraucht"));
		assertThat(visitor.findElement(By.id("name")).getAttribute("value")).isEqualTo("Erika Muster");
		Chromium.screenshot(visitor, "pledge-refused");

		visitor.findElement(By.id("quantity")).clear();
		visitor.findElement(By.id("quantity")).sendKeys("3", Keys.ENTER);
		new WebDriverWait(visitor, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Danke für Ihre Zusage!"));
		assertThat(visitor.findElement(By.tagName("main")).getText()).contains("Damit ist der Bedarf gedeckt.");
		Chromium.screenshot(visitor, "pledge-thanks");
	}

}
