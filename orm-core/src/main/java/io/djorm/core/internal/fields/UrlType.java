package io.djorm.core.internal.fields;

import java.util.regex.Pattern;

/** Django's {@code URLField}: an http, https, ftp or ftps URL with a host. */
public final class UrlType extends TextualType {
    private static final Pattern URL = Pattern.compile(
            "^(?i)(https?|ftps?)://(([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
                    + "|\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+\\])(:\\d{1,5})?([/?#]\\S*)?$");

    @Override
    public String internalType() {
        return "URLField";
    }

    @Override
    protected Pattern format() {
        return URL;
    }

    @Override
    protected String formatMessage() {
        return "Enter a valid URL.";
    }
}
