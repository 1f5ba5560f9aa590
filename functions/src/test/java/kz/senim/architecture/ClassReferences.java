package kz.senim.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: every class entry, and every class named in a
 * descriptor or signature (field and method types), as internal names ({@code java/lang/String}). What the JVM may
 * load when it links, verifies or runs the class.
 */
final class ClassReferences {

    private static final Pattern NAMED_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {
    }

    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> texts = new HashMap<>();
        List<Integer> classEntries = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.put(index, in.readUTF());
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> references = new TreeSet<>();
        for (int entry : classEntries) {
            String name = texts.get(entry);
            if (name.startsWith("[")) {
                named(name, references);
            } else {
                references.add(name);
            }
        }
        texts.values().forEach(text -> named(text, references));
        return references;
    }

    private static void named(String descriptor, Set<String> into) {
        Matcher matcher = NAMED_IN_DESCRIPTOR.matcher(descriptor);
        while (matcher.find()) {
            if (matcher.group(1).contains("/")) {
                into.add(matcher.group(1));
            }
        }
    }
}
