package kyodo.fund.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads an uploaded file into memory only up to a bound: a larger one is refused, not buffered. */
final class Uploads {
    private Uploads() {
    }

    /** @param declaredLength the request's Content-Length, or -1 when not given (then the reading itself is bounded) */
    static byte[] read(InputStream in, long declaredLength, int bytesMax) throws IOException {
        if (declaredLength > bytesMax) {
            throw BadStatement.tooLarge(bytesMax);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, Math.min(declaredLength, bytesMax)));
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > bytesMax) {
                throw BadStatement.tooLarge(bytesMax);
            }
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }
}
