package kyodo.fund.books;

import java.util.Locale;
import java.util.Optional;

/** A field of civic activity (分野) that donors may designate and grant programs fund. */
public enum Field {
    CHILDREN("子ども・子育て", "Children"),
    ELDERLY("高齢者福祉", "Elderly care"),
    ENVIRONMENT("環境", "Environment"),
    DISASTER("防災・災害支援", "Disaster preparedness"),
    CULTURE("文化・スポーツ", "Culture and sport"),
    COMMUNITY("地域づくり", "Community building");

    private final String japanese;
    private final String english;

    Field(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    /** The code used in account codes and the API: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    public static Optional<Field> ofCode(String code) {
        for (Field field : values()) {
            if (field.code().equals(code)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
