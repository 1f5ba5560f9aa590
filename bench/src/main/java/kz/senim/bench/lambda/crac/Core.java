package kz.senim.bench.lambda.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * SnapStart's runtime hooks in a bench JVM. Lambda's Java runtime gives the {@code org.crac} API an implementation
 * that runs the registered resources' {@code beforeCheckpoint} before it snapshots an initialised function and their
 * {@code afterRestore} after each restore. A JVM started with {@code -Dorg.crac.Core.Compat=kz.senim.bench.lambda.crac}
 * hands {@code org.crac} this package instead (the shape of {@code jdk.crac}); {@link #checkpointRestore()} then runs
 * the hooks where the snapshot would be taken. What a restore itself costs is not modelled.
 */
public final class Core {

    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** The registered resources' checkpoint hooks, in the reverse of their registration, then their restore hooks. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> resources = GLOBAL.registered();
        for (Resource resource : resources.reversed()) {
            try {
                resource.beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                throw new CheckpointException(e);
            }
        }
        for (Resource resource : resources) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception e) {
                throw new RestoreException(e);
            }
        }
    }

    /** How many resources registered. */
    public static int registered() {
        return GLOBAL.registered().size();
    }

    private static final class Global extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        synchronized List<Resource> registered() {
            return List.copyOf(resources);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }
    }
}
