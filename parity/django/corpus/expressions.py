"""Cases: expressions."""
from corpus.base import topic

topic("expressions")
