package org.zhonglou.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Values as JSON text (or query text), each either plausible or one of the kinds that broke a service
 * once: calendar extremes, non-finite and huge numbers, Unicode format and control characters, lone
 * surrogates, NUL, very long strings.
 */
public final class Hostile {

    static final List<String> TRICKS = List.of("\u200b", "\u2060", "\ufeff", "\u202e", "\u2066", "\u0000",
            "\u001b[31m", "\r\n", "\ud800", "\udfff", "\ud83d\ude00", "\u0301", "\uffff", "$", ".", "{", "\"", "\\",
            "%00", "../", "<script>", "' OR 1=1 --", "${jndi:x}", "Ａ", "ﬁ", "龍江路");
    static final List<String> INSTANTS = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2099-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
            "2024-02-30T00:00:00Z", "2024-08-07T24:00:00Z", "2024-08-07T23:59:60Z", "2024-08-07T00:00:00",
            "2024-08-07T00:00:00+14:00", "2024-08-07", "0000-00-00T00:00:00Z", "", "now", "1e400");
    static final List<String> DATES = List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "1900-01-01",
            "2000-02-29", "2001-02-29", "2099-12-31", "2100-01-01", "2024-13-01", "2024-08-07T00:00:00Z", "");
    static final List<String> DURATIONS = List.of("PT1S", "PT1M", "PT1H", "P1D", "PT0S", "PT-1H", "P-1D",
            "PT0.000000001S", "PT9999999999999H", "P106751991167300D", "P1Y", "1h", "", "PT");
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1e400", "-1e400", "1e-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "1.7976931348623157e308",
            "4.9e-324", "99999999999999999999999999999999", "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5");

    private Hostile() {
    }

    /** A JSON string literal: usually ordinary, sometimes laced with tricks, sometimes huge. */
    public static String string(Entropy e, String plausible) {
        return quote(text(e, plausible));
    }

    /** Raw text (not yet quoted) built the same way. */
    public static String text(Entropy e, String plausible) {
        return switch (e.below(10)) {
            case 0 -> plausible + e.oneOf(TRICKS);
            case 1 -> e.oneOf(TRICKS) + plausible + e.oneOf(TRICKS);
            case 2 -> plausible.isEmpty() ? "x".repeat(e.between(1, 5000)) : plausible.repeat(e.between(1, 3000));
            case 3 -> e.percent(50) ? "" : " ".repeat(e.between(1, 5));
            case 4 -> randomChars(e, e.between(1, 40));
            default -> plausible;
        };
    }

    /** A JSON number (sometimes not one JSON allows), near {@code plausible} or at an extreme. */
    public static String number(Entropy e, double plausible) {
        return switch (e.below(8)) {
            case 0 -> e.oneOf(NUMBERS);
            case 1 -> Double.toString(e.anyDouble());
            case 2 -> Long.toString(e.anyLong());
            case 3 -> Double.toString(plausible * (e.anyDouble() % 10));
            default -> Double.toString(plausible);
        };
    }

    /** An instant as JSON text: recent, at a calendar extreme, or not an instant at all. */
    public static String instant(Entropy e, Instant plausible) {
        return quote(instantText(e, plausible));
    }

    public static String instantText(Entropy e, Instant plausible) {
        return switch (e.below(6)) {
            case 0 -> e.oneOf(INSTANTS);
            case 1 -> plausible.plusSeconds(e.between(-400_000_000, 400_000_000)).toString();
            case 2 -> text(e, plausible.toString());
            default -> plausible.plusSeconds(e.between(-600, 600)).toString();
        };
    }

    public static String dateText(Entropy e, LocalDate plausible) {
        return switch (e.below(6)) {
            case 0 -> e.oneOf(DATES);
            case 1 -> plausible.plusDays(e.between(-80_000, 80_000)).toString();
            case 2 -> text(e, plausible.toString());
            default -> plausible.plusDays(e.between(-30, 30)).toString();
        };
    }

    public static String durationText(Entropy e, Duration plausible) {
        return switch (e.below(5)) {
            case 0, 1 -> e.oneOf(DURATIONS);
            case 2 -> text(e, plausible.toString());
            default -> plausible.toString();
        };
    }

    /** One of {@code values}, or something that is none of them. */
    public static String choice(Entropy e, List<String> values) {
        return e.percent(80) ? e.oneOf(values) : text(e, e.oneOf(values).toLowerCase());
    }

    /** A JSON string literal with every character JSON needs escaped (lone surrogates kept as escapes). */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String randomChars(Entropy e, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (e.percent(70) ? e.between(0x20, 0x7e) : e.below(0x10000)));
        }
        return out.toString();
    }
}
