package kyodo.fund.directory;

/** The legal form of a group. */
public enum GroupType {
    NPO("NPO法人", "NPO corporation"),
    VOLUNTARY("任意団体", "Voluntary group"),
    NEIGHBORHOOD("町会・自治会", "Neighbourhood association"),
    OTHER("その他", "Other");

    private final String japanese;
    private final String english;

    GroupType(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }
}
