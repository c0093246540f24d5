package kyodo.ledger.journal.verify;

import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger-core jar's command line. {@code verify}:
 * {@code java -jar ledger-core.jar verify --journal export.jsonl --checkpoints dir-or-file... --keys key.pub...}.
 * Exit status 0 when everything checks out and a verified checkpoint covers every entry, 1 when the journal
 * fails verification (the first bad sequence and why are printed), 2 when the input cannot be read at all, 3
 * ({@code INCOMPLETE}) when every check passed but some entries lie beyond the last verified checkpoint — unless
 * {@code --allow-uncovered} accepts that, and then the uncovered range is printed beside {@code OK}. Every run
 * prints which entries are covered and which are not. {@code report} checks a fund report's proof bundle (see
 * {@link ReportBundleVerifier}). {@code witness} runs a witness (see
 * {@link kyodo.ledger.journal.witness.WitnessCommand}). It never prints a stack trace: people and scripts read
 * its output.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCOMPLETE = 3;
    private static final long KEY_FILE_BYTES_MAX = PublicKeyFile.FILE_BYTES_MAX;
    private static final int CHECKPOINT_FILES_MAX = JournalVerifier.CHECKPOINTS_MAX;
    private static final String USAGE = """
            usage: java -jar ledger-core.jar verify --journal <export.jsonl> --checkpoints <dir or file>... --keys <key file>...
                                                    [--allow-uncovered]
              --journal          the JSON Lines export of the journal
              --checkpoints      signed checkpoint notes: files, or directories whose files are each one note
              --keys             trusted public keys: Kyodo .pub files (PEM with "Key name:"), plain PEM, or vkey lines
              --allow-uncovered  accept entries beyond the last checkpoint (they are printed beside OK)
                   or: java -jar ledger-core.jar report <proof-bundle.jsonl> [--keys <key file>...]
                       checks a fund report's proof bundle and recomputes the report's figures from it
                   or: java -jar ledger-core.jar witness ...   (run without options for its usage)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit status; output goes to {@code out}, problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("witness")) {
            return kyodo.ledger.journal.witness.WitnessCommand.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("report")) {
            try {
                return report(args, out);
            } catch (BadInputException e) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            } catch (IOException e) {
                err.println("error: cannot read input: " + e);
                return BAD_INPUT;
            } catch (RuntimeException | OutOfMemoryError e) {
                err.println("error: the verifier could not finish: " + e);
                return BAD_INPUT;
            }
        }
        try {
            return verify(Arguments.parse(args), out);
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read input: " + e);
            return BAD_INPUT;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("error: the verifier could not finish: " + e);
            return BAD_INPUT;
        }
    }

    private static int verify(Arguments arguments, PrintStream out) throws BadInputException, IOException {
        List<PublicKeyFile.Entry> keys = new ArrayList<>();
        for (Path file : arguments.keys) {
            try {
                keys.addAll(PublicKeyFile.parse(readSmall(file, KEY_FILE_BYTES_MAX, "key file")));
            } catch (NoteFormatException e) {
                throw new BadInputException("key file " + file + ": " + e.getMessage());
            }
        }
        List<JournalVerifier.CheckpointInput> checkpoints = new ArrayList<>();
        for (Path path : arguments.checkpoints) {
            for (Path file : checkpointFiles(path)) {
                checkpoints.add(new JournalVerifier.CheckpointInput(file.getFileName().toString(),
                        readSmall(file, SignedNote.NOTE_BYTES_MAX, "checkpoint")));
            }
        }
        out.println("verifying " + arguments.journal + " against " + checkpoints.size() + " checkpoint(s) and "
                + PublicKeyFile.countKeys(keys) + " trusted key(s)");
        long started = System.nanoTime();
        VerificationReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(arguments.journal), 1 << 16)) {
            report = JournalVerifier.verify(in, checkpoints, keys);
        } catch (NoSuchFileException e) {
            throw new BadInputException("journal export " + arguments.journal + " does not exist");
        }
        for (String line : report.checked()) {
            out.println("checked: " + line);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.ok()) {
            out.println("covered: " + entriesText(report.coveredRange()));
            out.println("not covered: " + entriesText(report.uncoveredRange()));
            if (report.complete()) {
                out.println("OK (" + millis + " ms)");
                return OK;
            }
            if (arguments.allowUncovered) {
                out.println("OK, except entries " + report.uncoveredRange() + ", which no verified checkpoint covers ("
                        + millis + " ms)");
                return OK;
            }
            out.println("INCOMPLETE: entries " + report.uncoveredRange() + " passed the checks but no verified "
                    + "checkpoint covers them, so they are not proven to be what the log signed; give a newer "
                    + "checkpoint, or --allow-uncovered to accept them as unproven");
            return INCOMPLETE;
        }
        VerificationReport.Failure failure = report.failure();
        out.println(failure.sequence() > 0
                ? "FAILED at sequence " + failure.sequence() + ": " + failure.reason()
                : "FAILED: " + failure.reason());
        return FAILED;
    }

    /**
     * {@code report <bundle> [--keys <key file>...]}: checks a fund report's proof bundle and recomputes the
     * report's figures from it ({@link ReportBundleVerifier}). Without {@code --keys} it trusts the keys in the
     * bundle and says so.
     */
    private static int report(String[] args, PrintStream out) throws BadInputException, IOException {
        Path bundle = null;
        List<Path> keyFiles = new ArrayList<>();
        boolean keys = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--keys")) {
                keys = true;
            } else if (args[i].startsWith("--")) {
                throw new BadInputException("unknown option " + args[i] + "\n" + USAGE);
            } else if (keys) {
                keyFiles.add(Path.of(args[i]));
            } else if (bundle == null) {
                bundle = Path.of(args[i]);
            } else {
                throw new BadInputException("give one bundle\n" + USAGE);
            }
        }
        if (bundle == null) {
            throw new BadInputException("the proof bundle is required\n" + USAGE);
        }
        if (keys && keyFiles.isEmpty()) {
            throw new BadInputException("--keys needs at least one key file\n" + USAGE);
        }
        List<PublicKeyFile.Entry> trusted = new ArrayList<>();
        for (Path file : keyFiles) {
            try {
                trusted.addAll(PublicKeyFile.parse(readSmall(file, KEY_FILE_BYTES_MAX, "key file")));
            } catch (NoteFormatException e) {
                throw new BadInputException("key file " + file + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(bundle)) {
            throw new BadInputException("proof bundle " + bundle + " does not exist or is not a file");
        }
        out.println("verifying the fund report's proof bundle " + bundle);
        ReportBundleVerifier.Result result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16)) {
            result = ReportBundleVerifier.verify(in, trusted);
        }
        out.println("keys trusted: from " + result.keysFrom() + (trusted.isEmpty()
                ? " (compare them with the log's published keys, /.well-known/kyodo-log-keys, or give --keys)" : ""));
        for (String line : result.checked()) {
            out.println("checked: " + line);
        }
        for (String line : result.figures()) {
            out.println("recomputed: " + line);
        }
        if (result.ok()) {
            out.println("OK: the report's figures are what the signed log's fund entries give");
            return OK;
        }
        VerificationReport.Failure failure = result.failure();
        out.println(failure.sequence() > 0 ? "FAILED at sequence " + failure.sequence() + ": " + failure.reason()
                : "FAILED: " + failure.reason());
        return FAILED;
    }

    private static String entriesText(String range) {
        return range.equals("none") ? "no entries" : "entries " + range;
    }

    private static List<Path> checkpointFiles(Path path) throws BadInputException, IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new BadInputException("checkpoints " + path + " is neither a file nor a directory");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path file : stream) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
                    if (files.size() == CHECKPOINT_FILES_MAX) {
                        throw new BadInputException(path + " holds more than " + CHECKPOINT_FILES_MAX + " files");
                    }
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static String readSmall(Path file, long bytesMax, String what) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(what + " " + file + " does not exist or is not a file");
        }
        if (Files.size(file) > bytesMax) {
            throw new BadInputException(what + " " + file + " is larger than " + bytesMax + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(what + " " + file + " is not UTF-8 text");
        }
    }

    /** The parsed command line. */
    private record Arguments(Path journal, List<Path> checkpoints, List<Path> keys, boolean allowUncovered) {
        static Arguments parse(String[] args) throws BadInputException {
            if (args.length == 0 || !args[0].equals("verify")) {
                throw new BadInputException("unknown command" + (args.length == 0 ? "" : " \"" + args[0] + "\"")
                        + "\n" + USAGE);
            }
            Path journal = null;
            List<Path> checkpoints = new ArrayList<>();
            List<Path> keys = new ArrayList<>();
            String option = null;
            boolean allowUncovered = false;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--allow-uncovered")) {
                    allowUncovered = true;
                    option = null;
                    continue;
                }
                if (arg.startsWith("--")) {
                    option = arg;
                    if (!List.of("--journal", "--checkpoints", "--keys").contains(option)) {
                        throw new BadInputException("unknown option " + option + "\n" + USAGE);
                    }
                    continue;
                }
                if (option == null) {
                    throw new BadInputException("unexpected argument \"" + arg + "\"\n" + USAGE);
                }
                switch (option) {
                    case "--journal" -> {
                        if (journal != null) {
                            throw new BadInputException("give one --journal\n" + USAGE);
                        }
                        journal = Path.of(arg);
                    }
                    case "--checkpoints" -> checkpoints.add(Path.of(arg));
                    default -> keys.add(Path.of(arg));
                }
            }
            if (journal == null) {
                throw new BadInputException("--journal is required\n" + USAGE);
            }
            if (!checkpoints.isEmpty() && keys.isEmpty()) {
                throw new BadInputException("checkpoints need --keys to check their signatures\n" + USAGE);
            }
            return new Arguments(journal, checkpoints, keys, allowUncovered);
        }
    }
}
