"""Cases: aggregates."""
from corpus.base import topic

topic("aggregates")
