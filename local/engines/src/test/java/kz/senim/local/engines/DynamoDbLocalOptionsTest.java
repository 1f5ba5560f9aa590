package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import software.amazon.dynamodb.services.local.main.CommandLineInput;

/** DynamoDB Local 3.3.1 really has the options EmbeddedDynamoDb relies on (its parser rejects unknown ones). */
class DynamoDbLocalOptionsTest {

    @Test
    void disableTelemetryIsARealOption() throws ParseException {
        CommandLineInput options = new CommandLineInput(new String[] {"-disableTelemetry", "-sharedDb", "-inMemory"});
        assertThat(options.init()).isTrue();
        assertThat(options.isDisableTelemetry()).isTrue();
        assertThat(options.getSharedDb()).isTrue();
        assertThat(options.isInMemory()).isTrue();

        CommandLineInput defaults = new CommandLineInput(new String[] {"-inMemory"});
        assertThat(defaults.init()).isTrue();
        assertThat(defaults.isDisableTelemetry()).isFalse();
    }

    @Test
    void unknownOptionsAreRejected() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere); // the parser prints an error and its usage text
        System.setErr(nowhere);
        try {
            assertThatThrownBy(() -> new CommandLineInput(new String[] {"-noSuchOption"}))
                    .isInstanceOf(ParseException.class);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
