"""Cases: retrieval."""
from corpus.base import topic

topic("retrieval")
