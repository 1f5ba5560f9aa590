package kz.senim.cases;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What can be said about a failure without saying what it was about: exception classes and where in Senim's own code
 * it happened, never a message (messages may hold table names, ARNs, keys or what a reporter sent). Every frame that
 * logs a failure (the HTTP frames, the dispatcher, the schedules) describes it with this one helper.
 */
public final class Failures {

    /** Frames of Senim's own code kept in a description, innermost first. */
    static final int FRAMES = 5;
    private static final String OWN_CODE = "kz.senim.";
    private static final int CAUSES = 4;

    private Failures() {
    }

    /**
     * The class that names the failure: the cause of a wrapper Senim threw to translate it (e.g. the SDK exception
     * under {@code StorageUnavailable} or {@code AlertNotDelivered}), else the failure's own class.
     */
    public static String kind(Throwable failure) {
        Throwable named = failure;
        while (named.getCause() != null && named.getCause() != named
                && named.getClass().getName().startsWith(OWN_CODE)) {
            named = named.getCause();
        }
        return named.getClass().getName();
    }

    /**
     * {@code java.lang.IllegalStateException at kz.senim.intake.SubmitReport.submit(SubmitReport.java:83) <
     * kz.senim.intake.api.SubmitReportHandler.answer(SubmitReportHandler.java:61); caused by ...}: the class of the
     * failure and of each cause, with the top frames of Senim's own code where the failure passed through it (once:
     * a cause's frames are mostly the same).
     */
    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        boolean located = false;
        for (int depth = 0; current != null && depth < CAUSES && seen.put(current, true) == null; depth++) {
            if (depth > 0) {
                description.append("; caused by ");
            }
            description.append(current.getClass().getName());
            List<String> frames = located ? List.of() : ownFrames(current);
            if (!frames.isEmpty()) {
                description.append(" at ").append(String.join(" < ", frames));
                located = true;
            }
            current = current.getCause();
        }
        return description.toString();
    }

    private static List<String> ownFrames(Throwable failure) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith(OWN_CODE)) {
                frames.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")");
                if (frames.size() == FRAMES) {
                    break;
                }
            }
        }
        return frames;
    }
}
