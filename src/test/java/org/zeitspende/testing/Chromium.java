package org.zeitspende.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through its chromedriver (nothing is downloaded),
 * for the browser tests. Without Chromium they are skipped, except on CI
 * ({@code CI=true}), where they fail. Screenshots go to {@code target/screenshots}.
 */
public final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/**
	 * Skips the test class without Chromium, or fails it on CI.
	 */
	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail("Chromium is missing; CI needs Debian's chromium and chromium-driver for the browser tests");
		}
		assumeTrue(installed, "Chromium and chromedriver are not installed");
	}

	/**
	 * A German reader's browser with a window of the given size.
	 * @param width the window's width
	 * @param height the window's height
	 * @return the browser; quit it after the tests
	 */
	public static WebDriver start(int width, int height) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// A German reader: the pages follow the browser's language until one is chosen.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=de-DE", "--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Saves what the browser shows as {@code target/screenshots/<name>.png}.
	 * @param browser the browser
	 * @param name the file's name without extension
	 */
	public static void screenshot(WebDriver browser, String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save the screenshot " + name, ex);
		}
	}

}
