package io.djorm.core.internal;

import java.util.List;

/** Renders parameters for logs: long text and blobs are shortened so logs stay readable. */
final class Redaction {
    private static final int MAX = 80;

    private Redaction() {
    }

    static String params(List<Object> params) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) sb.append(", ");
            Object v = params.get(i);
            if (v instanceof byte[] b) sb.append("<").append(b.length).append(" bytes>");
            else if (v instanceof String s && s.length() > MAX) sb.append('\'').append(s, 0, MAX).append("...'");
            else if (v instanceof String s) sb.append('\'').append(s).append('\'');
            else sb.append(v);
        }
        return sb.append(']').toString();
    }
}
