package com.example.shop;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Settings as a class on the project's classpath: --settings com.example.shop.ShopSettings. */
public class ShopSettings implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
        return Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "shop.db")),
                "INSTALLED_APPS", List.of("com.example.shop"));
    }
}
