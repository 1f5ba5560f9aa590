package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the runner serves the console's files from the classpath: headers, caching, redirects, unknown paths. */
class ConsoleAssetsTest {

    private static final ConsoleAssets CONSOLE = ConsoleAssets.fromClasspath();

    private static Map<String, String> headers(HttpApiEvents.Reply reply) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        reply.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        return headers;
    }

    private static String text(HttpApiEvents.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void the_page_comes_with_a_strict_csp_no_referrer_nosniff_and_is_always_revalidated() {
        HttpApiEvents.Reply page = CONSOLE.answer("GET", "/console/", "r1");

        assertThat(page.status()).isEqualTo(200);
        Map<String, String> headers = headers(page);
        assertThat(headers.get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(headers.get("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(headers.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.get("Cache-Control")).isEqualTo("no-cache");
        assertThat(text(page)).contains("<script type=\"module\" src=\"app-").doesNotContain("http://", "https://",
                "<style", "style=");
    }

    @Test
    void the_script_and_style_sheet_the_page_names_are_served_with_their_types_and_cached_for_a_year() {
        String page = text(CONSOLE.answer("GET", "/console/", "r1"));
        Matcher script = Pattern.compile("src=\"(app-[A-Z0-9]{8}\\.js)\"").matcher(page);
        Matcher style = Pattern.compile("href=\"(style-[A-Z0-9]{8}\\.css)\"").matcher(page);
        assertThat(script.find()).as(page).isTrue();
        assertThat(style.find()).as(page).isTrue();

        HttpApiEvents.Reply js = CONSOLE.answer("GET", "/console/" + script.group(1), "r2");
        HttpApiEvents.Reply css = CONSOLE.answer("GET", "/console/" + style.group(1), "r3");
        assertThat(js.status()).isEqualTo(200);
        assertThat(headers(js).get("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(headers(js).get("Cache-Control")).isEqualTo(ConsoleAssets.IMMUTABLE);
        assertThat(headers(js).get("Content-Security-Policy")).isEqualTo(ConsoleAssets.CSP);
        assertThat(css.status()).isEqualTo(200);
        assertThat(headers(css).get("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(headers(css).get("Cache-Control")).isEqualTo(ConsoleAssets.IMMUTABLE);
    }

    @Test
    void the_settings_say_local_sign_in_with_the_api_on_the_same_origin_and_are_never_cached() {
        HttpApiEvents.Reply config = CONSOLE.answer("GET", "/console/config.json", "r4");

        assertThat(config.status()).isEqualTo(200);
        assertThat(text(config)).isEqualTo("{\"mode\":\"local\",\"apiUrl\":\"\"}");
        assertThat(headers(config).get("Cache-Control")).isEqualTo("no-store");
        assertThat(headers(config).get("Content-Type")).startsWith("application/json");
    }

    @Test
    void console_without_its_slash_redirects_to_the_page() {
        HttpApiEvents.Reply redirect = CONSOLE.answer("GET", "/console", "r5");

        assertThat(redirect.status()).isEqualTo(301);
        assertThat(headers(redirect).get("Location")).isEqualTo("/console/");
    }

    @Test
    void unknown_paths_are_404_and_nothing_outside_the_consoles_files_can_be_reached() {
        assertThat(CONSOLE.answer("GET", "/console/favicon.svg", "r6").status()).as("a known file").isEqualTo(200);
        for (String path : new String[] {"/console/nope.js", "/console/../people.json", "/console/%2e%2e/x.js",
                "/console/kz/senim/local/people.json", "/console/build.mjs", "/console/index.html/x"}) {
            HttpApiEvents.Reply reply = CONSOLE.answer("GET", path, "r7");
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(headers(reply).get("Content-Security-Policy")).as(path).isEqualTo(ConsoleAssets.CSP);
        }
    }

    @Test
    void only_get_and_head_are_answered() {
        HttpApiEvents.Reply post = CONSOLE.answer("POST", "/console/", "r8");

        assertThat(post.status()).isEqualTo(405);
        assertThat(headers(post).get("Allow")).isEqualTo("GET, HEAD");
        assertThat(CONSOLE.answer("HEAD", "/console/", "r9").status()).isEqualTo(200);
    }

    @Test
    void every_problem_code_of_the_contract_has_a_sentence_of_the_consoles_own() throws java.io.IOException {
        String contract;
        try (var in = ConsoleAssetsTest.class.getClassLoader().getResourceAsStream(kz.senim.api.OpenApiContract.RESOURCE)) {
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher codes = Pattern.compile("code:\\s*\\n\\s*type: string\\n\\s*description: Stable machine-readable code\\.\\n"
                + "\\s*enum: \\[([^\\]]+)]").matcher(contract);
        assertThat(codes.find()).as("the Problem schema's code enum").isTrue();
        String page = text(CONSOLE.answer("GET", "/console/", "r1"));
        Matcher script = Pattern.compile("src=\"(app-[A-Z0-9]{8}\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        String app = text(CONSOLE.answer("GET", "/console/" + script.group(1), "r2"));
        java.util.List<String> all = java.util.Arrays.stream(codes.group(1).split(","))
                .map(String::trim).toList();
        assertThat(all).contains("version_conflict", "case_closed").allSatisfy(code ->
                assertThat(app).as("a sentence for " + code).contains("\"problem." + code + "\""));
    }

    @Test
    void paths_of_the_console_are_told_apart_from_the_api() {
        assertThat(ConsoleAssets.owns("/console")).isTrue();
        assertThat(ConsoleAssets.owns("/console/app.js")).isTrue();
        assertThat(ConsoleAssets.owns("/consoles")).isFalse();
        assertThat(ConsoleAssets.owns("/v1/cases")).isFalse();
    }
}
