package kz.senim.http;

/** Thrown while decoding a request at the edge; the handler answers with its {@link Problem}. */
public final class BadRequest extends RuntimeException {

    private final Problem problem;

    public BadRequest(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
