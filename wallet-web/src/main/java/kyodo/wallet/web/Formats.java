package kyodo.wallet.web;

import kyodo.ledger.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Used from templates as {@code @formats}: {@code 1,234 pt}, {@code ¥1,234}, and dates in Asia/Tokyo. */
@Component("formats")
public class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessCalendar.ZONE);

    public String pt(long points) {
        return String.format(Locale.ROOT, "%,d pt", points);
    }

    /** Signed, for history lines: {@code +1,234 pt} or {@code -1,234 pt}. */
    public String signedPt(long points) {
        return (points > 0 ? "+" : points < 0 ? "-" : "") + pt(Math.abs(points));
    }

    public String yen(long yen) {
        return String.format(Locale.ROOT, "¥%,d", yen);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
