package io.andon.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the UI's browser tests. Every
 * page opened is checked for console errors (any fails the test) and saved as a screenshot under
 * {@code target/ui-screenshots/}.
 */
final class Browser implements AutoCloseable {
  static final Path SHOTS = Path.of("target", "ui-screenshots");
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String CHROMIUM = "/usr/bin/chromium";

  final ChromeDriver driver;

  /** A browser with a light colour scheme. */
  Browser() {
    this(false);
  }

  /** A browser whose system colour scheme is dark when {@code dark}. */
  Browser(boolean dark) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--blink-settings=preferredColorScheme=" + (dark ? "0" : "1"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    this.driver = new ChromeDriver(options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
  }

  /** Opens {@code url}, checks the console and saves a screenshot named {@code shot}. */
  Browser open(String url, String shot) {
    driver.get(url);
    checkConsole();
    screenshot(shot);
    return this;
  }

  /** Fails on any error the page wrote to the console since the last check. */
  void checkConsole() {
    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "console errors on "
              + driver.getCurrentUrl()
              + ": "
              + errors.stream().map(LogEntry::getMessage).toList());
    }
  }

  /** Saves the page as {@code target/ui-screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Path to = SHOTS.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          to,
          StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits up to {@code seconds} for {@code condition}. */
  <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
  }

  @Override
  public void close() {
    try {
      checkConsole();
    } finally {
      driver.quit();
    }
  }
}
