package dev.stratc.compiler.ast;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tree's shape without its positions, for comparing trees parsed from differently laid-out text. */
public final class Structure {
    private Structure() {
    }

    public static Object of(Object node) {
        if (node instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(of(item)));
            return items;
        }
        if (node instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("#", record.getClass().getSimpleName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() == SourceSpan.class) {
                    continue;
                }
                try {
                    fields.put(component.getName(), of(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return fields;
        }
        return node;
    }
}
