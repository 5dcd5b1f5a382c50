package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.FieldMeta;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Small helpers shared by the operations. */
final class Json {
    private Json() {
    }

    static ObjectNode op(String name) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("op", name);
        return n;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The relation targets of fields, as lower-case labels. */
    static Set<String> targets(Iterable<FieldMeta> fields) {
        Set<String> out = new TreeSet<>();
        for (FieldMeta f : fields) {
            if (f.isRelation()) out.add(lower(f.relation().target()));
        }
        return out;
    }
}
