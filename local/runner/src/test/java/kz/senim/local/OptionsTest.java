package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static Options parse(String... args) {
        return Options.parse(List.of(args), name -> null);
    }

    @Test
    void byDefaultSenimListensOn8080AndKeepsItsDataInSenimData() {
        Options options = parse();

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.dataDir()).contains(Path.of(".senim-data"));
        assertThat(options.snsEndpoint()).isEmpty();
        assertThat(options.snsEmulator()).isFalse();
        assertThat(options.unsafeExpose()).isFalse();
        assertThat(options.throttle()).isTrue();
    }

    @Test
    void senimListensOnThisMachineOnlyUnlessToldItIsUnsafe() {
        for (String loopback : List.of("127.0.0.1", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                "127.0.1.1")) {
            assertThat(parse("--host", loopback).host()).isEqualTo(loopback);
        }
        for (String beyond : List.of("0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "senim.example.org",
                "localhost.example.org", "127.0.0.1.example.org", "327.0.0.1", "")) {
            assertThatThrownBy(() -> parse("--host", beyond)).as(beyond)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--host " + beyond)
                    .hasMessageContaining("--unsafe-expose");
        }
        Options exposed = parse("--host", "0.0.0.0", "--unsafe-expose");
        assertThat(exposed.host()).isEqualTo("0.0.0.0");
        assertThat(exposed.unsafeExpose()).isTrue();
        assertThat(parse("--unsafe-expose").host()).as("the flag alone changes nothing").isEqualTo("127.0.0.1");
    }

    @Test
    void theUsageTextExplainsTheUnsafeExposeFlag() {
        assertThat(Options.USAGE).contains("--host H [--unsafe-expose]")
                .contains("--unsafe-expose     listen on such a --host anyway")
                .contains("/local/* (sign-in tokens, people, the on-call")
                .contains("stays closed");
    }

    @Test
    void routeThrottlesAreOnUnlessNoThrottleTurnsThemOff() {
        Options options = parse("--port", "9090", "--no-throttle", "--in-memory");

        assertThat(parse().throttle()).isTrue();
        assertThat(Options.forTests().throttle()).isTrue();
        assertThat(options.throttle()).isFalse();
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.inMemory()).isTrue();
        assertThat(Options.forTests().withoutThrottle().throttle()).isFalse();
        assertThat(Options.forTests().withoutThrottle().withPort(1).withHost("::1", false).throttle()).isFalse();
        assertThat(Options.USAGE).contains("--no-throttle");
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        Options options = parse("--port", "9090", "--data-dir=/tmp/senim", "--sns-endpoint=http://localhost:4566");

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.dataDir()).contains(Path.of("/tmp/senim"));
        assertThat(options.snsEndpoint()).contains(URI.create("http://localhost:4566"));
    }

    @Test
    void inMemoryKeepsNothingOnDisk() {
        assertThat(parse("--in-memory").inMemory()).isTrue();
        assertThatThrownBy(() -> parse("--in-memory", "--data-dir", "x")).hasMessageContaining("exclude");
    }

    @Test
    void noThrottleTurnsTheLocalRouteThrottlesOffAndKeepsTheOtherOptions() {
        Options options = parse("--port", "9090", "--no-throttle", "--in-memory");

        assertThat(options.throttle()).isFalse();
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.inMemory()).isTrue();
        assertThat(Options.forTests().throttle()).isTrue();
        assertThat(Options.forTests().withoutThrottle().throttle()).isFalse();
        assertThat(Options.forTests().withoutThrottle().withPort(1).throttle()).isFalse();
        assertThat(Options.USAGE).contains("--no-throttle");
    }

    @Test
    void theSnsEndpointMayComeFromTheSdksEnvironmentVariable() {
        Options options = Options.parse(List.of(), Map.of("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:4566")::get);

        assertThat(options.snsEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("--prot", "1")).hasMessageContaining("--prot");
        assertThatThrownBy(() -> parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse("--port", "eighty")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> parse("--sns-endpoint", "localhost")).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> parse("--sns-emulator", "--sns-endpoint", "http://x:1")).hasMessageContaining("exclude");
        assertThatThrownBy(() -> parse("--host")).hasMessageContaining("--host needs a value");
    }
}
