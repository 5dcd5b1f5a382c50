"""The parity corpus: one module per topic, each a list of cases with stable ids."""
TOPICS = ["lookups", "q", "joins", "ordering", "retrieval", "aggregates", "expressions", "subqueries",
          "setops", "windows", "related", "writes", "errors", "divergences", "api"]
