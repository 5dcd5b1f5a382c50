"""Cases: subqueries."""
from corpus.base import topic

topic("subqueries")
