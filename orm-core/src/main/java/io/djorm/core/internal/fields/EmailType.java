package io.djorm.core.internal.fields;

import java.util.regex.Pattern;

/** Django's {@code EmailField}: a string that must look like an e-mail address. */
public final class EmailType extends TextualType {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

    @Override
    public String internalType() {
        return "EmailField";
    }

    @Override
    protected Pattern format() {
        return EMAIL;
    }

    @Override
    protected String formatMessage() {
        return "Enter a valid email address.";
    }
}
