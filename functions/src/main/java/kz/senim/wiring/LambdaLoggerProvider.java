package kz.senim.wiring;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.cases.Failures;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J in Lambda without a logging framework: each line goes to the runtime's own logger
 * ({@code LambdaRuntime.getLogger()}) with its level, and with the template's {@code LogFormat: JSON} Lambda writes it
 * as one record with timestamp, level, message and request id. Senim's loggers log from INFO, every library's from
 * WARN; Lambda's {@code ApplicationLogLevel} may filter further. A throwable handed to a logger is described by
 * {@link Failures#describe} (classes and Senim's frames), never by its message.
 *
 * <p>Registered only in the Lambda jar (the shade plugin adds its {@code META-INF/services} entry), so the local runner
 * and the tests keep log4j. Outside Lambda (a bench JVM on the Lambda jar) the runtime's logger is its stand-in, which
 * prints without line ends: lines then go to standard output as {@code LEVEL logger - message}.
 */
public final class LambdaLoggerProvider implements SLF4JServiceProvider {

    static final String OWN_LOGGERS = "kz.senim.";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, LambdaLineLogger::new);

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /** The level from which a logger of this name writes: INFO for Senim's own, WARN for every library's. */
    static Level threshold(String loggerName) {
        return loggerName.startsWith(OWN_LOGGERS) ? Level.INFO : Level.WARN;
    }

    /** The line a call makes: the formatted message, and the throwable's description if one was given. */
    static String line(String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        return throwable == null ? message : message + " (" + Failures.describe(throwable) + ")";
    }

    private static final class LambdaLineLogger extends LegacyAbstractLogger {

        private final int threshold;
        private final String shortName;

        LambdaLineLogger(String name) {
            this.name = name;
            this.threshold = threshold(name).toInt();
            this.shortName = name.substring(name.lastIndexOf('.') + 1);
        }

        @Override
        public boolean isTraceEnabled() {
            return Level.TRACE.toInt() >= threshold;
        }

        @Override
        public boolean isDebugEnabled() {
            return Level.DEBUG.toInt() >= threshold;
        }

        @Override
        public boolean isInfoEnabled() {
            return Level.INFO.toInt() >= threshold;
        }

        @Override
        public boolean isWarnEnabled() {
            return Level.WARN.toInt() >= threshold;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String line = line(pattern, arguments, throwable);
            LambdaLogger lambda = LambdaRuntime.getLogger();
            if (isStandIn(lambda)) {
                System.out.println(level + " " + shortName + " - " + line);
            } else {
                lambda.log(line, LogLevel.valueOf(level.name()));
            }
        }
    }

    /** {@code LambdaRuntime}'s stand-in, where no Lambda runtime installed its logger (it prints without line ends). */
    static boolean isStandIn(LambdaLogger logger) {
        Class<?> type = logger.getClass();
        return type.isAnonymousClass() && type.getEnclosingClass() == LambdaRuntime.class;
    }
}
