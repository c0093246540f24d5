package kyodo.wallet.log;

import kyodo.ledger.journal.verify.Main;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The verifier as a download: ledger-core's classes, taken from the class path the application runs on (the very
 * code that checks the log here), packed into a jar whose main class is {@link Main}. Its verify and report paths
 * need only the JDK, so {@code java -jar verifier.jar report <bundle>} runs anywhere with Java 17. The jar is built
 * once, with fixed entry times, so its bytes and its SHA-256 (shown on the log page) are the same on every request
 * of one release.
 */
@Component
class VerifierJar {
    private static final String MAIN = Main.class.getName().replace('.', '/') + ".class";
    /** A fixed time for every entry (2026-01-01T00:00:00Z), so the same classes give the same jar. */
    private static final long ENTRY_TIME_MILLIS = 1_767_225_600_000L;

    private volatile byte[] jar;

    /** The jar's bytes, built on first use. */
    byte[] bytes() {
        byte[] built = jar;
        if (built == null) {
            synchronized (this) {
                if (jar == null) {
                    jar = build();
                }
                built = jar;
            }
        }
        return built;
    }

    /** The jar's SHA-256 in hex, for people who compare what they downloaded. */
    String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] build() {
        try {
            URL main = VerifierJar.class.getClassLoader().getResource(MAIN);
            if (main == null) {
                throw new IllegalStateException("ledger-core's " + MAIN + " is not on the class path");
            }
            String root = main.toString().substring(0, main.toString().length() - MAIN.length());
            Map<String, Resource> classes = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver(VerifierJar.class.getClassLoader())
                    .getResources("classpath*:kyodo/ledger/**/*.class")) {
                String url = resource.getURL().toString();
                if (url.startsWith(root)) {
                    classes.put(url.substring(root.length()), resource);
                }
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "Kyodo verifier (ledger-core)");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jarOut = new JarOutputStream(out)) {
                JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
                manifestEntry.setTime(ENTRY_TIME_MILLIS);
                jarOut.putNextEntry(manifestEntry);
                manifest.write(jarOut);
                jarOut.closeEntry();
                for (Map.Entry<String, Resource> entry : classes.entrySet()) {
                    JarEntry jarEntry = new JarEntry(entry.getKey());
                    jarEntry.setTime(ENTRY_TIME_MILLIS);
                    jarOut.putNextEntry(jarEntry);
                    try (InputStream in = entry.getValue().getInputStream()) {
                        in.transferTo(jarOut);
                    }
                    jarOut.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the verifier from the class path", e);
        }
    }
}
