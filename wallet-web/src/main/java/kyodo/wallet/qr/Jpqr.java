package kyodo.wallet.qr;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JPQR (EMVCo merchant-presented mode) payloads: two-digit tag, two-digit length, value; tag 63 holds the
 * CRC-16/CCITT-FALSE of everything before its value. Kyodo's merchant template uses the tags from
 * {@value #KYODO_TEMPLATE_TAG} on (in the 80–99 range EMVCo leaves unreserved): tag 80 holds sub-tag 00, the
 * globally unique id {@value #KYODO_GUID}, and sub-tag 01, the first piece of the signed token; tags 81, 82 …
 * each hold the next piece in sub-tag 01 (a TLV value holds at most 99 characters and the token is longer).
 */
public final class Jpqr {
    public static final int PAYLOAD_LENGTH_MAX = 512;
    public static final String KYODO_TEMPLATE_TAG = "80";
    static final int FIRST_PIECE_LENGTH_MAX = 80;
    static final int PIECE_LENGTH_MAX = 95;
    static final int KYODO_TAG_LAST = 99;
    public static final String KYODO_GUID = "jp.kyodo";
    private static final String CRC_TAG = "63";

    private Jpqr() {
    }

    /** The top-level fields in order, if the TLV structure is well formed and the CRC matches. */
    public static Opened<Map<String, String>> parse(String payload) {
        if (payload == null || payload.length() < 8 || payload.length() > PAYLOAD_LENGTH_MAX) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        Optional<Map<String, String>> fields = tlv(payload);
        if (fields.isEmpty() || !"01".equals(fields.get().get("00")) || !fields.get().containsKey(CRC_TAG)) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        if (!payload.endsWith(fields.get().get(CRC_TAG)) || fields.get().get(CRC_TAG).length() != 4) {
            return Opened.rejected(TokenRejection.MALFORMED); // the CRC must be the last field
        }
        String covered = payload.substring(0, payload.length() - 4);
        if (!crc16(covered).equalsIgnoreCase(fields.get().get(CRC_TAG))) {
            return Opened.rejected(TokenRejection.CRC_MISMATCH);
        }
        return Opened.of(fields.get());
    }

    /** The signed Kyodo merchant token inside a JPQR payload; anything without Kyodo's template is refused. */
    public static Opened<String> kyodoToken(String payload) {
        Opened<Map<String, String>> fields = parse(payload);
        if (!fields.ok()) {
            return Opened.rejected(fields.rejection());
        }
        String template = fields.value().get(KYODO_TEMPLATE_TAG);
        Optional<Map<String, String>> first = template == null ? Optional.empty() : tlv(template);
        if (first.isEmpty() || !KYODO_GUID.equals(first.get().get("00")) || !first.get().containsKey("01")) {
            return Opened.rejected(TokenRejection.NOT_A_KYODO_MERCHANT);
        }
        StringBuilder token = new StringBuilder(first.get().get("01"));
        for (int tag = Integer.parseInt(KYODO_TEMPLATE_TAG) + 1; tag <= KYODO_TAG_LAST; tag++) {
            String next = fields.value().get(Integer.toString(tag));
            Optional<Map<String, String>> piece = next == null ? Optional.empty() : tlv(next);
            if (piece.isEmpty() || !piece.get().containsKey("01")) {
                break;
            }
            token.append(piece.get().get("01"));
        }
        return Opened.of(token.toString());
    }

    /** A JPQR payload for a signed Kyodo merchant token, with the merchant's name for other wallets to show. */
    public static String build(String signedToken, String merchantName, long amount) {
        if (signedToken.length() > TokenSeal.TOKEN_LENGTH_MAX) {
            throw new IllegalArgumentException("token too long: " + signedToken.length());
        }
        StringBuilder out = new StringBuilder();
        field(out, "00", "01");
        field(out, "01", amount > 0 ? "12" : "11");
        int end = Math.min(FIRST_PIECE_LENGTH_MAX, signedToken.length());
        field(out, KYODO_TEMPLATE_TAG, field(new StringBuilder(), "00", KYODO_GUID)
                .append(field(new StringBuilder(), "01", signedToken.substring(0, end))).toString());
        for (int tag = Integer.parseInt(KYODO_TEMPLATE_TAG) + 1; end < signedToken.length(); tag++) {
            int start = end;
            end = Math.min(start + PIECE_LENGTH_MAX, signedToken.length());
            field(out, Integer.toString(tag), field(new StringBuilder(), "01", signedToken.substring(start, end))
                    .toString());
        }
        field(out, "52", "5999");
        field(out, "53", "392");
        if (amount > 0) {
            field(out, "54", Long.toString(amount));
        }
        field(out, "58", "JP");
        field(out, "59", asciiName(merchantName));
        field(out, "60", "Tokyo");
        out.append(CRC_TAG).append("04");
        return out.append(crc16(out.toString())).toString();
    }

    private static String asciiName(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "").strip();
        ascii = ascii.isEmpty() ? "Kyodo merchant" : ascii;
        return ascii.length() > 25 ? ascii.substring(0, 25) : ascii;
    }

    private static StringBuilder field(StringBuilder out, String tag, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("TLV value of tag " + tag + " is longer than 99: " + value.length());
        }
        return out.append(tag).append(String.format("%02d", value.length())).append(value);
    }

    /** Tag → value for a run of TLV fields; empty if any field is cut short, repeated or not numeric. */
    static Optional<Map<String, String>> tlv(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            if (at + 4 > text.length()) {
                return Optional.empty();
            }
            String tag = text.substring(at, at + 2);
            String length = text.substring(at + 2, at + 4);
            if (!tag.matches("[0-9]{2}") || !length.matches("[0-9]{2}")) {
                return Optional.empty();
            }
            int end = at + 4 + Integer.parseInt(length);
            if (end > text.length() || fields.putIfAbsent(tag, text.substring(at + 4, end)) != null) {
                return Optional.empty();
            }
            at = end;
        }
        return Optional.of(fields);
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) as four upper-case hex digits. */
    static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format("%04X", crc);
    }
}
