package org.newsdesk;

import java.net.URL;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one browser test, opened before each test and closed after it with a
 * screenshot of the last page ({@code target/screenshots/last-<test>.png}), plus the steps every
 * browser test takes: open a page of the test server, type, click, sign in and out.
 *
 * <pre>
 * &#64;ArquillianResource URL base;
 * &#64;RegisterExtension final BrowserSession browser = new BrowserSession(() -&gt; base);
 * ...
 * browser.signIn("admin", "it-admin-password");
 * browser.open("/admin/posts/");
 * </pre>
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Supplier<URL> server;
    private WebDriver driver;

    public BrowserSession(Supplier<URL> server) {
        this.server = server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = Browsers.headlessChromium();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            Browsers.screenshot(driver, "last-" + context.getRequiredTestMethod().getName());
            driver.quit();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** The test server's address for a path; always 127.0.0.1, whatever Payara advertises. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.get().getPort() + path;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Types text as a person would, in any script. ChromeDriver types only characters of the Basic
     * Multilingual Plane, so the text is typed with emoji and other supplementary characters left out,
     * then the field is given the whole text (as pasting or an input method would) with an input event.
     */
    public void typeText(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text.codePoints().filter(c -> Character.isBmpCodePoint(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field, text);
    }

    /** Sets a field's value directly, for inputs (date, datetime-local) whose typing depends on the locale. */
    public void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    public void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForText(String css, String text) {
        // While the page is being replaced, Chrome may answer for an element of the old one with "Node with
        // given id does not belong to the document" rather than a stale element: both mean "not yet".
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Signs in on /login and waits until the desk opens or the page says why not. */
    public void signIn(String username, String password) {
        open("/login");
        type("login:username", username);
        type("login:password", password);
        WebElement submit = driver.findElement(By.id("login:submit"));
        submit.click();
        // First the answer replaces the page, then it is read: a check made before would see the form just sent.
        new WebDriverWait(driver, PATIENCE).until(b -> {
            try {
                submit.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (Chrome, mid-navigation) "Node with given id does not belong to the document".
                return true;
            }
        });
        new WebDriverWait(driver, PATIENCE).until(b -> !b.getCurrentUrl().endsWith("/login")
                || !b.findElements(By.cssSelector(".flash .flash-error")).isEmpty());
    }

    public void signOut() {
        click("signout:go");
        new WebDriverWait(driver, PATIENCE).until(b -> b.getCurrentUrl().contains("/login?signedout"));
    }

    public void screenshot(String name) {
        Browsers.screenshot(driver, name);
    }
}
