package kz.senim.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything this process writes to stdout and stderr while open (still passed through to the real streams). The
 * runner's log appenders follow System.out, so its logs and the functions' logs are in here too.
 */
final class OutputCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private OutputCapture() {
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
    }

    static OutputCapture start() {
        return new OutputCapture();
    }

    private PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    String text() {
        System.out.flush();
        System.err.flush();
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
