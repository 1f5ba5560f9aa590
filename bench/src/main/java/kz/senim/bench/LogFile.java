package kz.senim.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/** Sends the runner's log lines (one per request and per alert) to a file, so that the console shows the table. */
final class LogFile {

    static final String CONFIGURATION = "kz/senim/bench/log4j2-bench.xml";
    static final String FILE_PROPERTY = "senim.bench.log";

    private LogFile() {
    }

    static void redirectTo(Path file) {
        System.setProperty(FILE_PROPERTY, file.toAbsolutePath().toString());
        try {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.setConfigLocation(LogFile.class.getClassLoader().getResource(CONFIGURATION).toURI());
        } catch (URISyntaxException | ClassCastException e) {
            // another logging backend: its lines stay on the console
        }
    }
}
