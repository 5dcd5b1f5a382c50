package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.regex.Pattern;

/** Shared behaviour of the string kinds: max length, an optional format, enums stored by name. */
abstract class TextualType extends FieldType {

    /** The format the value must match, or null. */
    protected Pattern format() {
        return null;
    }

    /** The message when the format does not match. */
    protected String formatMessage() {
        return "Enter a valid value.";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        Integer maxLength = Annotations.intAttribute(declaration, "maxLength");
        if (maxLength != null) {
            if (maxLength <= 0) {
                throw new io.djorm.core.FieldError("Field '" + field.name() + "' has maxLength " + maxLength
                        + "; it must be a positive number.");
            }
            field.param("max_length", maxLength);
        }
    }

    @Override
    public boolean isText() {
        return true;
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        Class<?> target = field.javaType();
        if (target != null && target.isEnum()) {
            if (target.isInstance(value)) return value;
            return enumValue(target, value.toString(), field);
        }
        if (value instanceof String) return value;
        if (value instanceof Enum<?> e) return e.name();
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.UUID || value instanceof Character) {
            return value.toString();
        }
        throw invalid(field, "a string", value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> target, String name, FieldMeta field) {
        try {
            return Enum.valueOf((Class) target, name);
        } catch (IllegalArgumentException e) {
            throw new io.djorm.core.ValidationError(field.name(), "Field '" + field.name() + "' expected one of "
                    + java.util.Arrays.toString(target.getEnumConstants()) + " but got '" + name + "'.");
        }
    }

    @Override
    public final Object toDb(Object value, FieldMeta field) { // final: see TextValues.scannedByStorageProblem
        if (value == null) return null;
        if (value instanceof Enum<?> e) return e.name();
        return value.toString();
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        if (s == null) return null;
        Class<?> target = field.javaType();
        if (target != null && target.isEnum()) return enumValue(target, s, field);
        return s;
    }

    @Override
    public final String storageProblem(Object value, FieldMeta field) { // final: see TextValues.scannedByStorageProblem
        String s = value instanceof Enum<?> e ? e.name() : value.toString();
        Integer max = field.maxLength();
        // Characters are counted only when there may be too many: a string has no more code points than chars.
        if (max != null && s.length() > max) {
            int length = s.codePointCount(0, s.length());
            if (length > max) return "too long (max_length " + max + ", got " + length + " characters)";
        }
        return TextValues.surrogateProblem(s);
    }

    @Override
    public void validate(Object value, FieldMeta field, List<String> errors) {
        String s = value instanceof Enum<?> e ? e.name() : value.toString();
        Integer max = field.maxLength();
        if (max != null && s.codePointCount(0, s.length()) > max) {
            errors.add("Ensure this value has at most " + max + " characters (it has "
                    + s.codePointCount(0, s.length()) + ").");
        }
        Pattern p = format();
        if (p != null && !s.isEmpty() && !p.matcher(s).matches()) {
            errors.add(formatMessage());
        }
    }
}
