package io.djorm.examples.springbookshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot bookshop: djorm configured from {@code application.properties}, the shipped migrations
 * applied at start-up, and {@link BookshopService}'s {@code @Transactional} methods running as djorm
 * atomic blocks. Models live in this package, which is the default {@code INSTALLED_APPS}.
 */
@SpringBootApplication
public class BookshopApplication {
    /** Starts the application; {@link DemoRunner} then prints what a failed order left untouched. */
    public static void main(String[] args) {
        SpringApplication.run(BookshopApplication.class, args);
    }
}
