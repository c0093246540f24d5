package kyodo.wallet.log;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * {@code /log/verifier.jar}: the verifier for anyone, without sign-in, beside the log it checks. Its SHA-256 is in
 * the {@code X-Content-SHA256} header and on the log page.
 */
@RestController
class VerifierDownload {
    private static final MediaType JAR = new MediaType("application", "java-archive");

    private final VerifierJar jar;

    VerifierDownload(VerifierJar jar) {
        this.jar = jar;
    }

    @GetMapping("/log/verifier.jar")
    ResponseEntity<byte[]> verifier() {
        return ResponseEntity.ok().contentType(JAR)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("verifier.jar")
                        .build().toString())
                .header("X-Content-SHA256", jar.sha256())
                .body(jar.bytes());
    }
}
