package kz.senim.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium for the console's browser tests, with nothing installed by hand: the browser comes inside
 * the npm package {@code @sparticuz/chromium} (installed by the build into {@code src/test/node}), Playwright Java
 * drives it and never downloads one, DejaVu fonts (npm {@code dejavu-fonts-ttf}) draw Kazakh letters, axe-core checks
 * accessibility. Every request of every page is recorded, and only 127.0.0.1 is let through.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 740;
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Flags of @sparticuz/chromium's defaults that would weaken what the tests check (same-origin rules). */
    private static final Set<String> WEAKENING = Set.of("--disable-web-security", "--allow-running-insecure-content",
            "--disable-site-isolation-trials", "--single-process", "--headless='shell'");
    /** Nothing may leave the machine: no component updates, no background fetches, no sign-in to Google. */
    private static final List<String> QUIET = List.of("--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-default-apps", "--disable-extensions",
            "--disable-breakpad", "--metrics-recording-only", "--no-default-browser-check", "--no-pings",
            "--disable-domain-reliability", "--disable-client-side-phishing-detection");
    static final String HOW_TO_GET_A_BROWSER = """
            The console's browser tests need the Chromium that the npm package @sparticuz/chromium ships. The build \
            installs it with `npm ci` in local/runner/src/test/node (Node.js 20+ and npm on the PATH, the npm \
            registry reachable); run that by hand, or `./mvnw -pl local/runner -Dsenim.browser.npm.skip=false verify`. \
            Nothing else needs installing.""";

    private final Path nodeDir;
    private final Path screenshots;
    private final Playwright playwright;
    private final Browser browser;
    private final String axe;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private ConsoleBrowser(Path nodeDir, Path screenshots, Playwright playwright, Browser browser, String axe) {
        this.nodeDir = nodeDir;
        this.screenshots = screenshots;
        this.playwright = playwright;
        this.browser = browser;
        this.axe = axe;
    }

    /** Starts Chromium; fails (never skips) saying how to get one when it cannot. */
    static ConsoleBrowser launch() {
        Path nodeDir = Path.of(System.getProperty("senim.browser.node.dir", "src/test/node")).toAbsolutePath();
        Path screenshots = Path.of(System.getProperty("senim.console.screenshots", "target/console-screenshots"))
                .toAbsolutePath();
        JsonNode chromium = chromium(nodeDir);
        Path fonts = fontConfig(nodeDir, screenshots.getParent().resolve("console-fonts"));
        List<String> args = new ArrayList<>();
        chromium.path("args").forEach(arg -> {
            if (!WEAKENING.contains(arg.asText())) {
                args.add(arg.asText());
            }
        });
        args.addAll(QUIET);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("FONTCONFIG_FILE", fonts.toString());
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(chromium.path("path").asText()))
                    .setHeadless(true)
                    .setArgs(args)
                    .setEnv(env)
                    .setTimeout(120_000));
            String axe = Files.readString(nodeDir.resolve("node_modules/axe-core/axe.min.js"));
            return new ConsoleBrowser(nodeDir, screenshots, playwright, browser, axe);
        } catch (RuntimeException | IOException e) {
            playwright.close();
            throw new AssertionError("Chromium did not start: " + e + "\n" + HOW_TO_GET_A_BROWSER, e);
        }
    }

    /** Asks node where @sparticuz/chromium put its browser (it unpacks it to the temp directory once). */
    private static JsonNode chromium(Path nodeDir) {
        if (!Files.isDirectory(nodeDir.resolve("node_modules/@sparticuz/chromium"))) {
            throw new AssertionError("no " + nodeDir.resolve("node_modules/@sparticuz/chromium") + ".\n"
                    + HOW_TO_GET_A_BROWSER);
        }
        String script = "import c from '@sparticuz/chromium'; const path = await c.executablePath();"
                + " console.log(JSON.stringify({path, args: c.args}));";
        try {
            Process node = new ProcessBuilder("node", "--input-type=module", "-e", script)
                    .directory(nodeDir.toFile()).redirectErrorStream(true).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("@sparticuz/chromium could not unpack its browser: " + out + "\n"
                        + HOW_TO_GET_A_BROWSER);
            }
            return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            throw new AssertionError("node could not be run (" + e.getMessage() + ").\n" + HOW_TO_GET_A_BROWSER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A fontconfig file with the DejaVu fonts of npm dejavu-fonts-ttf only: the same letters on every machine. */
    private static Path fontConfig(Path nodeDir, Path dir) {
        Path ttf = nodeDir.resolve("node_modules/dejavu-fonts-ttf/ttf");
        if (!Files.isDirectory(ttf)) {
            throw new AssertionError("no DejaVu fonts at " + ttf + ".\n" + HOW_TO_GET_A_BROWSER);
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("fonts.conf");
            Files.writeString(conf, """
                    <?xml version="1.0"?>
                    <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                    <fontconfig>
                      <dir>%s</dir>
                      <cachedir>%s</cachedir>
                      <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
                      <alias><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
                    </fontconfig>
                    """.formatted(ttf, dir.resolve("cache")));
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new browser window (nothing shared with others: a fresh sign-in) of the given size and language, every
     * request recorded and any to a host other than 127.0.0.1 refused.
     */
    Page open(int width, int height, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale(locale)
                .setTimezoneId("Asia/Almaty")
                .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
        context.setDefaultTimeout(30_000);
        context.route("**/*", route -> {
            String url = route.request().url();
            requests.add(url);
            String host = URI.create(url).getHost();
            if ("127.0.0.1".equals(host)) {
                route.resume();
            } else {
                refused.add(url);
                route.abort();
            }
        });
        return context.newPage();
    }

    /** Every URL any page asked for. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Requests to anywhere but 127.0.0.1 (refused). */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /**
     * Runs axe-core on the page as it is (injected through the DevTools protocol, so the page's CSP stays as
     * strict as served) and fails on any serious or critical violation.
     */
    void assertAccessible(Page page, String screen) {
        page.evaluate(axe);
        String result = (String) page.evaluate("""
                async () => {
                  const r = await axe.run(document, {resultTypes: ['violations', 'passes']});
                  return JSON.stringify({
                    passes: r.passes.length,
                    violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))
                  });
                }""");
        JsonNode axeResult = parse(result);
        assertThat(axeResult.path("passes").asInt()).as("axe-core ran its checks on " + screen).isPositive();
        assertThat(axeResult.path("violations")).as("serious or critical accessibility violations on " + screen)
                .isEmpty();
    }

    /** At 360 px nothing may be wider than the screen. */
    void assertNoHorizontalOverflow(Page page, String screen) {
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal overflow of " + screen + " in px").isLessThanOrEqualTo(0);
    }

    /** A full-page screenshot under target/console-screenshots/&lt;name&gt;.png. */
    Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setType(ScreenshotType.PNG));
        return file;
    }

    /** Checks a screen (axe, and overflow on a phone) and takes its screenshot. */
    void check(Page page, String name) {
        page.waitForLoadState();
        assertAccessible(page, name);
        if (page.viewportSize().width <= PHONE_WIDTH) {
            assertNoHorizontalOverflow(page, name);
        }
        screenshot(page, name);
    }

    Path nodeDir() {
        return nodeDir;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
