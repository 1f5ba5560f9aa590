import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes out of the shaded Lambda jar every class the functions can never load (run by the build after the shade
 * plugin, as a single-file Java program: {@code java SlimLambdaJar.java <jar>}).
 *
 * <p>What can be loaded is what Senim's own classes ({@code kz/senim/}), the classes the jar's service files and the AWS
 * SDK's interceptor lists name, Joda-Time's {@code DateTime} (which Lambda's runtime loads by name), and every class
 * those name (in their constant pools: class entries, field and method
 * types, and strings that spell a class of the jar, as reflection does) name in turn. One kind of edge is not followed:
 * out of the request and response classes of an AWS operation that no class of Senim names. A client's class names
 * every operation's request class, so the JVM may load it when it verifies the client (it passes one where an
 * {@code SdkRequest} is expected); it only initialises one, and needs what that one names, when the operation is
 * called. So the model classes only unused operations use (most of DynamoDB's, SNS's and KMS's) are left out, and so
 * are the response classes of unused operations themselves (and their nested classes): the client, its paginators and
 * waiters name them only where the verifier loads nothing (a cast of what the call returned, a method reference
 * resolved when the call runs, a return of the same type). {@code LambdaJarIT} links every class that names one from
 * the jar alone.
 */
public final class SlimLambdaJar {

    private static final Pattern NAMED_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Pattern OPERATION_CLASS =
            Pattern.compile("(software/amazon/awssdk/services/\\w+/)(model/)(\\w+?)(Request|Response)(\\$.*)?");
    private static final Pattern SERVICE_CLASS = Pattern.compile("(software/amazon/awssdk/services/\\w+/)(.*)");

    private SlimLambdaJar() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Long> times = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                    times.put(entry.getName(), entry.getTime());
                }
            }
        }
        Map<String, byte[]> classes = new HashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classes.put(name.substring(0, name.length() - ".class".length()), bytes);
            }
        });
        Map<String, Set<String>> named = new HashMap<>();
        for (Map.Entry<String, byte[]> type : classes.entrySet()) {
            named.put(type.getKey(), references(type.getValue(), classes.keySet()));
        }

        // Lambda's Java runtime decodes the event types it knows (DynamoDB streams, CloudFormation's custom resources)
        // with a Jackson module that loads Joda-Time's DateTime from the function's jar by name.
        List<String> roots = new ArrayList<>(List.of("org/joda/time/DateTime"));
        for (String type : classes.keySet()) {
            if (type.startsWith("kz/senim/")) {
                roots.add(type);
            }
        }
        entries.forEach((name, bytes) -> {
            if (name.startsWith("META-INF/services/") || name.endsWith(".interceptors")) {
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    String type = line.replaceFirst("#.*", "").strip();
                    if (!type.isEmpty()) {
                        roots.add(type.replace('.', '/'));
                    }
                }
            }
        });

        // An operation is used once a loadable class names it; not counted: the service's client, marshallers,
        // paginators, waiters and endpoint rules, which name every operation (or their own) and run the code of one
        // only when it is called.
        Set<String> usedOperations = new HashSet<>();
        Set<String> loadable;
        int known;
        do {
            known = usedOperations.size();
            loadable = closure(roots, named, classes.keySet(), usedOperations);
            for (String type : loadable) {
                if (grantsUse(type)) {
                    for (String reference : named.get(type)) {
                        operation(reference, classes.keySet()).ifPresent(usedOperations::add);
                    }
                }
            }
        } while (usedOperations.size() != known);

        Path slim = jar.resolveSibling(jar.getFileName() + ".slim");
        long removed = 0;
        int removedClasses = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String type = className(entry.getKey());
                if (type != null && !loadable.contains(type)) {
                    removed += entry.getValue().length;
                    removedClasses++;
                    continue;
                }
                ZipEntry copy = sized(new ZipEntry(entry.getKey()), entry.getValue());
                copy.setTime(times.get(entry.getKey()));
                out.putNextEntry(copy);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.move(slim, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("SlimLambdaJar: %s: %d of %d classes kept, %d left out (%,d bytes uncompressed); "
                        + "AWS operations Senim calls: %s%n", jar.getFileName(), classes.size() - removedClasses,
                classes.size(), removedClasses, removed, usedOperations.stream()
                        .map(op -> op.replaceFirst("software/amazon/awssdk/services/(\\w+)/model/", "$1:"))
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    /**
     * What the roots reach, without the response classes of unused operations and not following what their request
     * classes name.
     */
    private static Set<String> closure(List<String> roots, Map<String, Set<String>> named, Set<String> classes,
                                       Set<String> usedOperations) {
        Set<String> loadable = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            String type = queue.removeFirst();
            boolean ofAnUnusedOperation = operation(type, classes).filter(op -> !usedOperations.contains(op))
                    .isPresent();
            if (!classes.contains(type) || ofAnUnusedOperation && isResponse(type) || !loadable.add(type)) {
                continue;
            }
            if (!ofAnUnusedOperation) {
                queue.addAll(named.get(type));
            }
        }
        return loadable;
    }

    /** Whether a class naming an operation's classes makes it used (see main). */
    private static boolean grantsUse(String type) {
        Matcher sdk = SERVICE_CLASS.matcher(type);
        if (!sdk.matches()) {
            return true;
        }
        String rest = sdk.group(2);
        return !(rest.matches("(model|transform|paginators|waiters|endpoints)/.*")
                || rest.matches("(Default)?\\w*Client(\\$.*)?"));
    }

    /**
     * {@code software/amazon/awssdk/services/dynamodb/model/GetItem} for the request or response class (or a nested
     * class of one) of an operation, which is a request class with a marshaller; else empty.
     */
    private static Optional<String> operation(String type, Set<String> classes) {
        Matcher operation = OPERATION_CLASS.matcher(type);
        if (operation.matches() && classes.contains(operation.group(1) + "transform/" + operation.group(3)
                + "RequestMarshaller")) {
            return Optional.of(operation.group(1) + "model/" + operation.group(3));
        }
        return Optional.empty();
    }

    /**
     * The entry with its sizes and checksum set before it is written, so that no data descriptor (16 bytes an entry)
     * follows it: deflated as {@link ZipOutputStream} deflates it (which checks that the sizes match), or stored where
     * deflating would not make it smaller.
     */
    private static ZipEntry sized(ZipEntry entry, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater)) {
            out.write(bytes);
        } finally {
            deflater.end();
        }
        entry.setSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setMethod(deflated.size() < bytes.length ? ZipEntry.DEFLATED : ZipEntry.STORED);
        entry.setCompressedSize(Math.min(deflated.size(), bytes.length));
        return entry;
    }

    /** Whether an operation's class is its response class or a nested class of it. */
    private static boolean isResponse(String type) {
        Matcher operation = OPERATION_CLASS.matcher(type);
        return operation.matches() && operation.group(4).equals("Response");
    }

    /** The class an entry holds ({@code META-INF/versions/N/} classes count as their base class), or null. */
    private static String className(String entry) {
        if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) {
            return null;
        }
        String name = entry.substring(0, entry.length() - ".class".length());
        return name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/\\d+/", "") : name;
    }

    /** The classes a class file names: class entries, descriptors and signatures, strings spelling a known class. */
    static Set<String> references(byte[] classFile, Set<String> known) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> texts = new HashMap<>();
        List<Integer> classEntries = new ArrayList<>();
        List<Integer> strings = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.put(index, in.readUTF());
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 8 -> strings.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> references = new HashSet<>();
        for (int entry : classEntries) {
            String name = texts.get(entry);
            if (name.startsWith("[")) {
                descriptor(name, references);
            } else {
                references.add(name);
            }
        }
        texts.values().forEach(text -> descriptor(text, references));
        for (int string : strings) {
            String spelled = texts.get(string).replace('.', '/');
            if (known.contains(spelled)) {
                references.add(spelled);
            }
        }
        return references;
    }

    private static void descriptor(String text, Set<String> into) {
        Matcher matcher = NAMED_IN_DESCRIPTOR.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
