"""Cases: q."""
from corpus.base import topic

topic("q")
