package io.djorm.examples.springbookshop;

/** An order asked for more copies than the shelf holds; the whole order is rolled back. */
public class OutOfStock extends RuntimeException {
    /** Names the book, what was asked and what is left. */
    public OutOfStock(String title, int asked, int left) {
        super("Order refused: " + asked + " copies of '" + title + "' asked, " + left + " in stock.");
    }
}
