package kz.senim.access;

/** The caller's role does not allow this action (answered with 403; scope failures answer 404 instead). */
public final class Forbidden extends RuntimeException {

    public Forbidden(String action) {
        super("not allowed: " + action, null, false, false);
    }
}
