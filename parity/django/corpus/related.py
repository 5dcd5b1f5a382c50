"""Cases: related."""
from corpus.base import topic

topic("related")
