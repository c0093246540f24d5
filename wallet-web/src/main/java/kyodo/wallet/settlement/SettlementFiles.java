package kyodo.wallet.settlement;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** HTTP answers for the settlement's documents, shared by the pages and the API. */
final class SettlementFiles {
    private SettlementFiles() {
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return file(pdf, MediaType.APPLICATION_PDF, name, true);
    }

    static ResponseEntity<byte[]> csv(byte[] csv, String name) {
        return file(csv, new MediaType("text", "csv", StandardCharsets.UTF_8), name, false);
    }

    static ResponseEntity<byte[]> zengin(byte[] file, String name) {
        return file(file, new MediaType("text", "plain", ZenginFile.SHIFT_JIS), name, false);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    static String statementName(Settlement settlement, String extension) {
        return "settlement-" + settlement.merchantId().value() + "-" + settlement.month() + "." + extension;
    }
}
