package kyodo.fund.access;

import org.springframework.context.i18n.LocaleContextHolder;

import java.util.Locale;

/** The page language: Japanese unless the host's locale resolver chose English. */
public final class Language {
    private Language() {
    }

    public static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
