package io.djorm.core.internal.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.reflect.Type;

/**
 * Django's {@code JSONField}: any value Jackson can write, stored as JSON text and read back into the
 * attribute's declared (generic) type. A Java null is SQL NULL.
 */
public final class JsonType extends FieldType {
    /** The parameter holding the attribute's generic type. */
    public static final String GENERIC_TYPE = "java_generic_type";
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    @Override
    public String internalType() {
        return "JSONField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        return value;
    }

    @Override
    public Object parseDefault(String text, FieldMeta field) {
        return fromJson(text, field);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new io.djorm.core.ValidationError(field.name(), "Field '" + field.name()
                    + "' holds a value Jackson cannot write as JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        return s == null ? null : fromJson(s, field);
    }

    private static Object fromJson(String json, FieldMeta field) {
        Object generic = field.params().get(GENERIC_TYPE);
        JavaType type = MAPPER.getTypeFactory().constructType(generic instanceof Type t ? t : Object.class);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new io.djorm.core.DataError("Field '" + field.name() + "' holds text that is not valid JSON for "
                    + type + ": " + e.getOriginalMessage());
        }
    }
}
