package kyodo.wallet.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packaged application ({@code java -jar kyodo.jar}) as a separate process on the drill's database, with keys
 * kept in one directory across restarts as an operator would keep them. Its output goes to one log file.
 */
final class AppProcess {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(300);

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(Path jar, int port, String databaseUrl, Path keys, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick starts on a small, busy machine: C1 only and the serial collector cut start-up CPU.
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port,
                "--kyodo.db.url=" + databaseUrl,
                "--kyodo.db.user=" + DrillDatabase.USER,
                "--kyodo.db.password=",
                "--kyodo.qr.key-directory=" + keys,
                "--kyodo.journal.keys-directory=" + keys,
                "--kyodo.journal.checkpoint-interval=5s",
                // The drill's residents pay as fast as they can; the per-payer rate limit is not under test.
                "--kyodo.payments.rate-burst=1000000",
                "--kyodo.payments.rate-per-second=1000000");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new AppProcess(process, port, log);
    }

    /** Waits for {@code /actuator/health} to say UP; fails with the log's tail if the process dies or hangs. */
    Duration awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        long deadline = started + STARTUP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " while starting; log tail:\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not healthy within " + STARTUP_WAIT + "; log tail:\n"
                + tail());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no draining, no closing of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
