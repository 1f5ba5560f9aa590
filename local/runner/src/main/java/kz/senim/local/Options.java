package kz.senim.local;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link SenimLocal}.
 *
 * @param host interface the HTTP gateway listens on: loopback, unless {@code unsafeExpose}
 * @param port HTTP port, 0 for any free port
 * @param dataDir where DynamoDB Local keeps its data; empty when in memory
 * @param snsEndpoint an SNS endpoint for alerts (else the on-call inbox)
 * @param snsEmulator start the fauxqs SNS/SQS emulator of local/engines and send alerts there
 * @param unsafeExpose the host may be reachable from other machines; {@code /local/*} is then closed
 * @param throttle apply the template's route throttles as API Gateway does ({@code --no-throttle} turns them off,
 *     e.g. for {@code ./senim bench})
 */
public record Options(String host, int port, Optional<Path> dataDir, Optional<URI> snsEndpoint, boolean snsEmulator,
                      boolean unsafeExpose, boolean throttle) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Path DEFAULT_DATA_DIR = Path.of(".senim-data");
    public static final String SNS_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SNS";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    static final String USAGE = """
            Usage: SenimLocal [--port N] [--data-dir DIR | --in-memory] [--sns-endpoint URL | --sns-emulator]
                              [--host H [--unsafe-expose]] [--no-throttle]
              --port N            HTTP port (default 8080; 0 = any free port)
              --data-dir DIR      where DynamoDB Local keeps the tables between runs (default .senim-data)
              --in-memory         keep nothing: the tables are gone when Senim stops
              --sns-endpoint URL  publish alerts to this SNS endpoint (default: env AWS_ENDPOINT_URL_SNS);
                                  without one, alerts go to the on-call inbox at GET /local/alerts
              --sns-emulator      start the fauxqs SNS/SQS emulator (needs Node.js) and publish alerts there
              --host H            interface to listen on (default 127.0.0.1: this machine only); anything but
                                  127.0.0.1, ::1 or localhost needs --unsafe-expose
              --unsafe-expose     listen on such a --host anyway, for other devices on a network you trust: anyone
                                  who reaches it can submit reports; /local/* (sign-in tokens, people, the on-call
                                  inbox, schedules) stays closed, so nobody can sign in
              --no-throttle       no local route throttles (benchmarks: measure Senim, not the limit); by default
                                  each route takes requests as the template's RouteSettings let API Gateway take
                                  them, and answers 429 with Retry-After beyond
            """;

    public Options {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0-65535: " + port);
        }
        if (snsEndpoint.isPresent() && snsEmulator) {
            throw new IllegalArgumentException("--sns-endpoint and --sns-emulator exclude each other");
        }
        if (!unsafeExpose && !loopback(host)) {
            throw new IllegalArgumentException("--host " + host + " may be reachable from other machines, and"
                    + " anyone who reaches Senim could submit reports; use 127.0.0.1, ::1 or localhost, or add"
                    + " --unsafe-expose to do it anyway (/local/* then stays closed)");
        }
    }

    /**
     * Whether {@code host} is this machine only: {@code localhost} or a loopback address ({@code 127.0.0.1},
     * {@code ::1} …). Any other name is not looked up: it could stand for any address.
     */
    static boolean loopback(String host) {
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(name);
        if (ipv4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(ipv4.group(octet)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (!name.contains(":")) {
            return false; // a name: not resolved here
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress(); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** Port 8080, data in {@code .senim-data}, alerts to the inbox (or to {@code AWS_ENDPOINT_URL_SNS} if set). */
    public static Options defaults() {
        return parse(List.of(), System::getenv);
    }

    /** In memory, any free port, alerts to the inbox: what tests want. */
    public static Options forTests() {
        return new Options(DEFAULT_HOST, 0, Optional.empty(), Optional.empty(), false, false, true);
    }

    public Options withPort(int newPort) {
        return new Options(host, newPort, dataDir, snsEndpoint, snsEmulator, unsafeExpose, throttle);
    }

    public Options withDataDir(Path dir) {
        return new Options(host, port, Optional.of(dir), snsEndpoint, snsEmulator, unsafeExpose, throttle);
    }

    public Options withSnsEndpoint(URI endpoint) {
        return new Options(host, port, dataDir, Optional.of(endpoint), snsEmulator, unsafeExpose, throttle);
    }

    /** Listening on {@code newHost}, which may be beyond loopback only when {@code exposed}. */
    public Options withHost(String newHost, boolean exposed) {
        return new Options(newHost, port, dataDir, snsEndpoint, snsEmulator, exposed, throttle);
    }

    /** Without the local route throttles ({@code --no-throttle}). */
    public Options withoutThrottle() {
        return new Options(host, port, dataDir, snsEndpoint, snsEmulator, unsafeExpose, false);
    }

    public boolean inMemory() {
        return dataDir.isEmpty();
    }

    /**
     * Reads {@code --name value} and {@code --name=value} options.
     *
     * @param environment where {@value #SNS_ENDPOINT_VARIABLE} is looked up when no SNS option is given
     * @throws IllegalArgumentException naming the option at fault
     */
    public static Options parse(List<String> args, java.util.function.Function<String, String> environment) {
        Deque<String> queue = new ArrayDeque<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                queue.add(arg.substring(0, equals));
                queue.add(arg.substring(equals + 1));
            } else {
                queue.add(arg);
            }
        }
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        Path dataDir = null;
        boolean inMemory = false;
        URI sns = null;
        boolean emulator = false;
        boolean exposed = false;
        boolean throttle = true;
        while (!queue.isEmpty()) {
            String option = queue.removeFirst();
            switch (option) {
                case "--port" -> port = port(value(option, queue));
                case "--host" -> host = value(option, queue);
                case "--data-dir" -> dataDir = Path.of(value(option, queue));
                case "--in-memory" -> inMemory = true;
                case "--sns-endpoint" -> sns = uri(option, value(option, queue));
                case "--sns-emulator" -> emulator = true;
                case "--unsafe-expose" -> exposed = true;
                case "--no-throttle" -> throttle = false;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (inMemory && dataDir != null) {
            throw new IllegalArgumentException("--in-memory and --data-dir exclude each other");
        }
        if (sns == null && !emulator) {
            String fromEnvironment = environment.apply(SNS_ENDPOINT_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                sns = uri(SNS_ENDPOINT_VARIABLE, fromEnvironment.trim());
            }
        }
        Optional<Path> dir = inMemory ? Optional.empty() : Optional.of(dataDir == null ? DEFAULT_DATA_DIR : dataDir);
        return new Options(host, port, dir, Optional.ofNullable(sns), emulator, exposed, throttle);
    }

    private static String value(String option, Deque<String> queue) {
        if (queue.isEmpty() || queue.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return queue.removeFirst();
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + text);
        }
    }

    private static URI uri(String option, String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(option + " must be an absolute URL such as http://localhost:4566");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be an absolute URL such as http://localhost:4566: "
                    + text);
        }
    }
}
