"""Cases: ordering."""
from corpus.base import topic

topic("ordering")
