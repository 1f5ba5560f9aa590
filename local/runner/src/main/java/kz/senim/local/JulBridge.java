package kz.senim.local;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what local/engines logs through {@code System.Logger} (java.util.logging by default; the engines have no
 * logging library) to SLF4J, so it reads like the runner's other lines. Installed on the engines' logger only.
 */
final class JulBridge extends Handler {

    /** Strong reference: java.util.logging forgets the handlers of loggers nobody holds. */
    private static final java.util.logging.Logger ENGINES = java.util.logging.Logger.getLogger("kz.senim.local.engines");
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private JulBridge() {
    }

    static synchronized void install() {
        for (Handler handler : ENGINES.getHandlers()) {
            if (handler instanceof JulBridge) {
                return;
            }
        }
        ENGINES.setUseParentHandlers(false);
        ENGINES.setLevel(Level.INFO);
        ENGINES.addHandler(new JulBridge());
    }

    @Override
    public void publish(LogRecord record) {
        Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? ENGINES.getName() : record.getLoggerName());
        String message = FORMATTER.formatMessage(record);
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message);
        } else if (level >= Level.WARNING.intValue()) {
            logger.warn(message);
        } else if (level >= Level.INFO.intValue()) {
            logger.info(message);
        } else {
            logger.debug(message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
