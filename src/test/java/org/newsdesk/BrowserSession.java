package org.newsdesk;

import java.net.URL;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
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
        settle();
        // A field an Ajax answer brings (a picker's search box) may come a moment after the click: a slow machine
        // had not yet marked the form busy when settle() looked (DeskIntegrityBrowserIT, once).
        WebElement field = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
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

    /**
     * Types an excerpt into the compose page's paragraph editor as a person would: a blank line is Enter (a new
     * paragraph), a line break Shift+Enter, {@code <b>}/{@code <i>} are Ctrl+B/Ctrl+I pressed around the words.
     * Characters ChromeDriver cannot type (emoji) arrive as an input method sends them (insertText).
     */
    public void typeRich(String textareaId, String text) {
        WebElement surface = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='" + textareaId + "'] + .rich-text-editor .rich-text-surface")));
        surface.click();
        surface.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("</?[bi]>|\\n\\n|\\n").matcher(text);
        int at = 0;
        while (token.find()) {
            typeInto(surface, text.substring(at, token.start()));
            String t = token.group();
            surface.sendKeys(t.equals("\n\n") ? Keys.ENTER : t.equals("\n") ? Keys.chord(Keys.SHIFT, Keys.ENTER)
                    : Keys.chord(Keys.CONTROL, t.contains("b") ? "b" : "i"));
            at = token.end();
        }
        typeInto(surface, text.substring(at));
    }

    private void typeInto(WebElement surface, String text) {
        StringBuilder bmp = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isBmpCodePoint(c)) {
                bmp.appendCodePoint(c);
                return;
            }
            if (!bmp.isEmpty()) {
                surface.sendKeys(bmp.toString());
                bmp.setLength(0);
            }
            ((JavascriptExecutor) driver).executeScript("document.execCommand('insertText', false, arguments[0])", Character.toString(c));
        });
        if (!bmp.isEmpty()) {
            surface.sendKeys(bmp.toString());
        }
    }

    /** Sets a field's value directly, for inputs (date, datetime-local) whose typing depends on the locale. */
    public void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    /**
     * Clicks a button or link as a person would, on what the page shows now: if Faces Ajax has just drawn it
     * again, the new one. Waits until what the click sent in place (the compose page marks its form
     * aria-busy meanwhile) has come back.
     */
    public void click(String id) {
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(By.id(id)).click();
            return true;
        });
        settle();
    }

    /** Waits until no Faces Ajax request of the compose page is on its way. */
    public void settle() {
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript("return !document.querySelector('form[aria-busy]')")));
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
