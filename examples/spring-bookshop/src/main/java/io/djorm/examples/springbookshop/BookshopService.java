package io.djorm.examples.springbookshop;

import static io.djorm.core.expressions.F.F;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's transactional operations: each method is one djorm atomic block, all or nothing. */
@Service
public class BookshopService {
    /** Adds an author and their books with the given stock (Django: a view under transaction.atomic). */
    @Transactional
    public void stock(String authorName, Map<String, Integer> copiesByTitle) {
        Author author = Author.objects().getOrCreate(Map.of("name", authorName)).object();
        copiesByTitle.forEach((title, copies) -> {
            Book book = new Book();
            book.title = title;
            book.author.set(author);
            book.stock = copies;
            book.save();
        });
    }

    /**
     * Sells every line of an order: records a sale and takes the copies off the shelf, line by line. A
     * line that asks for more than the stock throws {@link OutOfStock}, and Spring rolls the whole order
     * back, the lines already written included.
     */
    @Transactional
    public void placeOrder(Map<String, Integer> copiesByTitle) {
        copiesByTitle.forEach((title, copies) -> {
            Book book = Book.objects().get("title", title);
            Sale sale = new Sale();
            sale.book.set(book);
            sale.copies = copies;
            sale.save();
            Book.objects().filter("pk", book.pk()).update("stock", F("stock").minus(copies));
            int left = Book.objects().get("pk", book.pk()).stock;
            if (left < 0) throw new OutOfStock(title, copies, left + copies);
        });
    }

    /** Copies of a title in stock. */
    @Transactional(readOnly = true)
    public int stockOf(String title) {
        return Book.objects().get("title", title).stock;
    }
}
