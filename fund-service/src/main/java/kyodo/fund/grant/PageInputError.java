package kyodo.fund.grant;

/**
 * A staff form field that cannot be read, said in both languages so the page can show the visitor's one. The
 * page controllers check what people commonly get wrong before the use case sees it; the use case's own
 * refusals stay the last word.
 */
final class PageInputError extends RuntimeException {
    private final String japanese;
    private final String english;

    PageInputError(String japanese, String english) {
        super(english, null, false, false);
        this.japanese = japanese;
        this.english = english;
    }

    String in(boolean english) {
        return english ? this.english : japanese;
    }
}
