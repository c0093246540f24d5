package kyodo.wallet.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bounds JSON request bodies. No API body needs more than {@link #JSON_BODY_BYTES_MAX}; without a bound a client
 * could make the server buffer and parse megabytes per request. A declared length above it is answered 413 before
 * anything is read; a chunked body that grows past it fails while being read (a 400 from the JSON reader).
 * Uploads (multipart) have their own limits in application.properties.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonBodyLimit extends OncePerRequestFilter {
    static final int JSON_BODY_BYTES_MAX = 256 * 1024;

    private final Problems problems;

    JsonBodyLimit(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(type));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > JSON_BODY_BYTES_MAX) {
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "error.BODY_TOO_LARGE");
            return;
        }
        chain.doFilter(new Bounded(request), response);
    }

    private static MediaType parse(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (RuntimeException malformed) {
            return MediaType.APPLICATION_OCTET_STREAM; // MVC answers the malformed type itself
        }
    }

    /** A request whose body stream fails once more than the bound has been read. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > JSON_BODY_BYTES_MAX) {
                throw new IOException("JSON body larger than " + JSON_BODY_BYTES_MAX + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
