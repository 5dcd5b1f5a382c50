"""Cases: divergences."""
from corpus.base import topic

topic("divergences")
