package kyodo.wallet.settlement;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * A 全銀協 (Zengin) 総合振込 transfer request file: fixed 120-byte records in Shift_JIS (half-width katakana are one
 * byte each), each followed by CR LF as most banks' upload screens expect: one header (1), one data record (2) per
 * transfer, a trailer (8) with the count and the total, and an end record (9). Numeric fields are right-aligned and
 * zero-filled, text fields left-aligned and space-filled.
 */
public final class ZenginFile {
    public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    public static final int RECORD_BYTES = 120;
    /** Zengin type code for 総合振込 (general transfers). */
    static final String TYPE_GENERAL_TRANSFER = "21";
    /** The trailer's count field has 6 digits and its total 12. */
    public static final int TRANSFERS_MAX = 999_999;
    public static final long TOTAL_MAX = 999_999_999_999L;
    public static final long TRANSFER_MAX = 9_999_999_999L;

    private ZenginFile() {
    }

    /** One transfer: to whom, how much, and a customer code (the merchant id) that the bank's report echoes. */
    public record Transfer(BankAccount to, long yen, long customerCode) {
    }

    public static byte[] write(SettlementProperties requester, LocalDate transferDate, List<Transfer> transfers) {
        if (transfers.size() > TRANSFERS_MAX) {
            throw new IllegalArgumentException("a Zengin file holds at most " + TRANSFERS_MAX + " transfers");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(RECORD_BYTES * (transfers.size() + 3) + 16);
        record(out, new StringBuilder()
                .append('1')
                .append(TYPE_GENERAL_TRANSFER)
                .append('0') // code type: JIS (Shift_JIS on a PC)
                .append(number(Long.parseLong(requester.requesterCode()), 10))
                .append(text(requester.requesterName(), 40))
                .append(String.format("%02d%02d", transferDate.getMonthValue(), transferDate.getDayOfMonth()))
                .append(requester.bankCode())
                .append(text(requester.bankName(), 15))
                .append(requester.branchCode())
                .append(text(requester.branchName(), 15))
                .append(requester.accountType().zenginCode())
                .append(requester.accountNumber())
                .append(text("", 17)));
        long total = 0;
        for (Transfer transfer : transfers) {
            if (transfer.yen() <= 0 || transfer.yen() > TRANSFER_MAX) {
                throw new IllegalArgumentException("a transfer must be 1.." + TRANSFER_MAX + " yen, was "
                        + transfer.yen());
            }
            total = Math.addExact(total, transfer.yen());
            BankAccount to = transfer.to();
            record(out, new StringBuilder()
                    .append('2')
                    .append(to.bankCode())
                    .append(text(to.bankNameKana(), 15))
                    .append(to.branchCode())
                    .append(text(to.branchNameKana(), 15))
                    .append("0000") // clearing house: not used
                    .append(to.accountType().zenginCode())
                    .append(to.accountNumber())
                    .append(text(to.holderKana(), 30))
                    .append(number(transfer.yen(), 10))
                    .append('0') // new code: 0 (no change to the registered payee)
                    .append(number(transfer.customerCode(), 10))
                    .append(number(0, 10))
                    .append('7') // transfer by telegram (テレ振込)
                    .append(' ') // identification: none
                    .append(text("", 7)));
        }
        if (total > TOTAL_MAX) {
            throw new IllegalArgumentException("the total exceeds the trailer's 12 digits: " + total);
        }
        record(out, new StringBuilder()
                .append('8')
                .append(number(transfers.size(), 6))
                .append(number(total, 12))
                .append(text("", 101)));
        record(out, new StringBuilder().append('9').append(text("", 119)));
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, CharSequence record) {
        byte[] bytes = record.toString().getBytes(SHIFT_JIS);
        if (bytes.length != RECORD_BYTES) {
            throw new IllegalStateException("a Zengin record must be " + RECORD_BYTES + " bytes, was "
                    + bytes.length + ": " + record);
        }
        out.writeBytes(bytes);
        out.write('\r');
        out.write('\n');
    }

    private static String number(long value, int width) {
        String digits = Long.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** Left-aligned, space-filled; the text is half-width (one byte per character in Shift_JIS), cut to the width. */
    private static String text(String value, int width) {
        String text = value == null ? "" : value;
        if (text.length() > width) {
            text = text.substring(0, width);
        }
        return text + " ".repeat(width - text.length());
    }
}
