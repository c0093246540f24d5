package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.VerifierKey;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code java -jar ledger-core.jar witness --log <URL> --log-key <file> --key <file> ...}: one witness round (or
 * one every {@code --every} seconds). Exit status 0 when it cosigned, 1 when it refused the log's checkpoint (the
 * message names both tree sizes), 2 when the input or the network failed. Never a stack trace.
 */
public final class WitnessCommand {
    public static final int COSIGNED = 0;
    public static final int REFUSED = 1;
    public static final int BAD_INPUT = 2;
    static final long EVERY_SECONDS_MAX = 24 * 3600;
    private static final String USAGE = """
            usage: java -jar ledger-core.jar witness --log <URL prefix> --log-key <key file> --key <witness key file>
                                                     [--name <witness name>] [--origin <origin>] [--state <file>]
                                                     [--every <seconds>]
              --log      the log's URL prefix, e.g. https://kyodo.example/log (its checkpoint is <prefix>/checkpoint)
              --log-key  the log's public key: a vkey line, a .pub file or PEM, e.g. /.well-known/kyodo-log-keys
              --origin   the log's origin line; by default the log key's name (a log's key is named after its origin)
              --key      this witness's key file; with --name and no file there yet, a new key is made and its
                         vkey printed: give that vkey to the log's operator
              --name     this witness's name for a new key, a schema-less URL such as news.example/kyodo-witness
              --state    the file that keeps the last checkpoint seen (default: beside the key, named by origin)
              --every    repeat every so many seconds instead of once
            """;

    private WitnessCommand() {
    }

    /** Runs {@code witness ...} ({@code args[0]} is "witness"); output to {@code out}, problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            Path keyFile = Path.of(required(options, "--key"));
            WitnessKey key;
            if (!Files.exists(keyFile) && options.containsKey("--name")) {
                key = WitnessKey.create(keyFile, options.get("--name"));
                out.println("made a new witness key in " + keyFile);
                out.println("vkey: " + key.cosignerKey().vkey());
                out.println("give this vkey to the log's operator, who lists it under kyodo.journal.witnesses");
            } else if (!Files.exists(keyFile)) {
                throw new BadArguments("witness key " + keyFile + " does not exist; give --name to make one");
            } else {
                key = WitnessKey.read(keyFile);
            }
            List<PublicKeyFile.Entry> logKeys = logKeys(Path.of(required(options, "--log-key")));
            String origin = options.getOrDefault("--origin", null);
            if (origin == null) {
                origin = originFromKeys(logKeys);
            }
            List<VerifierKey> trusted = new ArrayList<>();
            for (PublicKeyFile.Entry entry : logKeys) {
                trusted.add(VerifierKey.of(entry.name().orElse(origin), entry.publicKey()));
            }
            Path stateFile = options.containsKey("--state") ? Path.of(options.get("--state"))
                    : keyFile.toAbsolutePath().resolveSibling(origin.replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".last-checkpoint");
            Witness witness = new Witness(origin, trusted, key, new WitnessState(stateFile), Clock.systemUTC());
            LogClient log = new HttpLogClient(required(options, "--log"));
            Duration every = every(options.get("--every"));
            out.println("witness " + key.cosignerKey() + " of " + origin + " at " + options.get("--log")
                    + "; last seen checkpoint kept in " + stateFile);
            while (true) {
                int status = round(witness, log, out, err);
                if (every == null) {
                    return status;
                }
                Thread.sleep(every.toMillis());
            }
        } catch (BadArguments e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (NoteFormatException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("error: the witness could not finish: " + e);
            return BAD_INPUT;
        }
    }

    private static int round(Witness witness, LogClient log, PrintStream out, PrintStream err) {
        try {
            Witness.Outcome outcome = witness.witness(log);
            out.println(outcome.message());
            return outcome.cosigned() ? COSIGNED : REFUSED;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static List<PublicKeyFile.Entry> logKeys(Path file) throws IOException, NoteFormatException,
            BadArguments {
        if (!Files.isRegularFile(file)) {
            throw new BadArguments("log key file " + file + " does not exist");
        }
        if (Files.size(file) > PublicKeyFile.FILE_BYTES_MAX) {
            throw new BadArguments("log key file " + file + " is larger than " + PublicKeyFile.FILE_BYTES_MAX
                    + " bytes");
        }
        return PublicKeyFile.distinct(PublicKeyFile.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** A log's key is named after its origin; with keys of several names the origin must be said. */
    private static String originFromKeys(List<PublicKeyFile.Entry> keys) throws BadArguments {
        Set<String> names = new LinkedHashSet<>();
        keys.forEach(key -> key.name().ifPresent(names::add));
        if (names.size() != 1) {
            throw new BadArguments("the log key file names " + (names.isEmpty() ? "no key" : names)
                    + "; give --origin with the log's origin line");
        }
        return names.iterator().next();
    }

    private static Duration every(String text) throws BadArguments {
        if (text == null) {
            return null;
        }
        if (!text.matches("[1-9][0-9]{0,5}") || Long.parseLong(text) > EVERY_SECONDS_MAX) {
            throw new BadArguments("--every is a number of seconds in 1.." + EVERY_SECONDS_MAX + ", was \"" + text
                    + "\"");
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private static Map<String, String> options(String[] args) throws BadArguments {
        List<String> known = List.of("--log", "--log-key", "--key", "--name", "--origin", "--state", "--every");
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!known.contains(args[i])) {
                throw new BadArguments("unknown option \"" + args[i] + "\"\n" + USAGE);
            }
            if (i + 1 == args.length) {
                throw new BadArguments(args[i] + " needs a value\n" + USAGE);
            }
            if (options.put(args[i], args[++i]) != null) {
                throw new BadArguments("give " + args[i - 1] + " once\n" + USAGE);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) throws BadArguments {
        String value = options.get(name);
        if (value == null) {
            throw new BadArguments(name + " is required\n" + USAGE);
        }
        return value;
    }

    /** The command line cannot be used as given. */
    private static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message, null, false, false);
        }
    }
}
