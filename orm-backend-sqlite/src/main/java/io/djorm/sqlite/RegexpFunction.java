package io.djorm.sqlite;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;

/**
 * {@code X REGEXP Y}: SQLite calls {@code regexp(Y, X)}. Java regular expressions, searched anywhere in
 * the text (as Django's regex lookup). Compiled patterns are cached. Patterns are Unicode-aware, as in
 * Python's {@code re} and a libSQL server's REGEXP: {@code (?i)} folds every letter, not only ASCII, and
 * {@code \w}, {@code \d} match letters and digits of any script.
 */
final class RegexpFunction extends Function {
    private static final int CACHE_LIMIT = 256;
    private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    @Override
    protected void xFunc() throws SQLException {
        String pattern = value_text(0);
        String text = value_text(1);
        if (pattern == null || text == null) {
            result();
            return;
        }
        result(compile(pattern).matcher(text).find() ? 1 : 0);
    }

    private static Pattern compile(String pattern) throws SQLException {
        Pattern p = PATTERNS.get(pattern);
        if (p != null) return p;
        try {
            p = Pattern.compile(pattern, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new SQLException("invalid regular expression: " + e.getDescription());
        }
        if (PATTERNS.size() > CACHE_LIMIT) PATTERNS.clear();
        PATTERNS.put(pattern, p);
        return p;
    }
}
