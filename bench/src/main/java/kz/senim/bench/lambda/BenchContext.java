package kz.senim.bench.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context of one invocation in a bench JVM: a fresh request id, 15 s to run, logs to standard out. */
final class BenchContext implements Context {

    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String functionName;
    private final int memoryMb;
    private final String requestId;
    private final long deadlineMillis;

    BenchContext(String functionName, int memoryMb) {
        this(functionName, memoryMb, "", 0);
    }

    private BenchContext(String functionName, int memoryMb, String requestId, long deadlineMillis) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.requestId = requestId;
        this.deadlineMillis = deadlineMillis;
    }

    BenchContext next() {
        return new BenchContext(functionName, memoryMb, UUID.randomUUID().toString(),
                System.currentTimeMillis() + 15_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "bench";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + System.getenv("AWS_REGION") + ":000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}
