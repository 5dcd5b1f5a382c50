"""Cases: errors."""
from corpus.base import topic

topic("errors")
