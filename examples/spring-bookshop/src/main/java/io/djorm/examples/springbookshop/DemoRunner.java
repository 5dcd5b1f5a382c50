package io.djorm.examples.springbookshop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Stocks the shop once, places an order that succeeds and one that fails, and prints the stock. */
@Component
@ConditionalOnProperty(name = "bookshop.demo", havingValue = "true", matchIfMissing = true)
public class DemoRunner implements CommandLineRunner {
    private final BookshopService shop;

    /** Runs on the shop's service. */
    public DemoRunner(BookshopService shop) {
        this.shop = shop;
    }

    @Override
    public void run(String... args) {
        if (!Book.objects().filter("title", "The Dispossessed").exists()) {
            Map<String, Integer> books = new LinkedHashMap<>();
            books.put("The Dispossessed", 5);
            books.put("The Lathe of Heaven", 2);
            shop.stock("Ursula K. Le Guin", books);
        }
        shop.placeOrder(Map.of("The Dispossessed", 1));
        Map<String, Integer> tooMany = new LinkedHashMap<>();
        tooMany.put("The Dispossessed", 1);
        tooMany.put("The Lathe of Heaven", 99);
        try {
            shop.placeOrder(tooMany);
        } catch (OutOfStock refused) {
            System.out.println(refused.getMessage());
        }
        System.out.println("In stock: The Dispossessed " + shop.stockOf("The Dispossessed")
                + ", The Lathe of Heaven " + shop.stockOf("The Lathe of Heaven")
                + "; sales recorded: " + Sale.objects().count());
    }
}
