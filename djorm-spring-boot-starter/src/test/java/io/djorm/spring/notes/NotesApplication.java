package io.djorm.spring.notes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The starter tests' application: its package is the default INSTALLED_APPS, so {@link Note} is found. */
@SpringBootApplication
public class NotesApplication {
}
