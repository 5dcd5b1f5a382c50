package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import java.lang.annotation.Annotation;
import java.util.regex.Pattern;

/** Django's {@code SlugField}: letters, digits, hyphens and underscores; indexed by default. */
public final class SlugType extends TextualType {
    private static final Pattern SLUG = Pattern.compile("^[-a-zA-Z0-9_]+$");

    @Override
    public String internalType() {
        return "SlugField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        super.configure(field, declaration);
        field.dbIndex(true);
    }

    @Override
    protected Pattern format() {
        return SLUG;
    }

    @Override
    protected String formatMessage() {
        return "Enter a valid slug consisting of letters, numbers, underscores or hyphens.";
    }
}
